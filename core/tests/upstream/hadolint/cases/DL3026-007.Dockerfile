FROM x.com/debian

