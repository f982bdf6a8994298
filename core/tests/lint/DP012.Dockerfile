### catches: two CMDs; the first is reported
FROM alpine:3.20
CMD ["echo", "first"]
CMD ["echo", "second"]
### catches: two HEALTHCHECKs and two ENTRYPOINTs
FROM nginx:1.27
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
ENTRYPOINT ["nginx"]
HEALTHCHECK NONE
ENTRYPOINT ["nginx", "-g", "daemon off;"]
### passes: one of each per stage
FROM alpine:3.20 AS a
CMD ["a"]
FROM alpine:3.20
CMD ["b"]
ENTRYPOINT ["sh"]
