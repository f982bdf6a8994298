ONBUILD RUN bash -c `# not even a yum command`
