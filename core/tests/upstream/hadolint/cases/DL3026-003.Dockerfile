FROM random.com/debian

