FROM node as foo
CMD something

