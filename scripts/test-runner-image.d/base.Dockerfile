# megaplan-cloud-test-base: what cloud.yaml's image.base names in real-engine build tests. The
# runner image, plus offline stand-ins of apt-get and npm first on the PATH (no registry is
# reachable from the test engine), so a rendered runner Dockerfile builds with every other line
# run for real.
ARG RUNNER
FROM ${RUNNER}
COPY offline-stand-in /opt/megaplan-test/offline-bin/apt-get
COPY offline-stand-in /opt/megaplan-test/offline-bin/npm
RUN chmod 0755 /opt/megaplan-test/offline-bin/apt-get /opt/megaplan-test/offline-bin/npm
ENV PATH=/opt/megaplan-test/offline-bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
ENTRYPOINT []
CMD ["bash"]
