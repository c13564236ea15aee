# The stateful mock in a container, from the binary `npm run build:mock-binary` writes (linux-x64, glibc: a Debian
# or Ubuntu base, not Alpine's musl). Build from the repository root:
#   docker build -f docs/examples/mock-binary.Dockerfile -t partoo-argyle-mock .
FROM debian:bookworm-slim
COPY dist-bin/partoo-argyle-mock /usr/local/bin/partoo-argyle-mock
EXPOSE 4010 4011
# 0.0.0.0: reachable through the ports docker publishes, not only from inside the container.
ENTRYPOINT ["/usr/local/bin/partoo-argyle-mock", "--stateful", "--host", "0.0.0.0"]
