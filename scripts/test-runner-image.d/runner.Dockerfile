# megaplan-cloud-test-runner: a runner box for real-engine tests, built offline on the debootstrap
# root file system (bash, tmux, git, python3, procps, tini and Debian's headless JRE 17).
ARG ROOTFS
FROM ${ROOTFS}
COPY megaplan-emulator.jar /opt/megaplan-emulator/megaplan-emulator.jar
COPY megaplan-emulator runner-box /usr/local/bin/
RUN chmod 0755 /usr/local/bin/megaplan-emulator /usr/local/bin/runner-box \
 && mkdir -p /workspace \
 && megaplan-emulator status >/dev/null
WORKDIR /workspace
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/usr/local/bin/runner-box"]
