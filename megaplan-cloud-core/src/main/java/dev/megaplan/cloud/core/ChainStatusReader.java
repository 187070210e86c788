package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.core.chain.ChainSummaryText;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.core.internal.session.SessionContext;
import dev.megaplan.cloud.core.internal.status.ChainStatusOperation;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a remote chain's status (spec 04), from {@link CloudSession#chainStatus()}. Reading never
 * changes anything remote or local (it works with a read-only home directory).
 *
 * <pre>{@code
 * ChainStatus status = session.chainStatus().remoteSpec("/workspace/app/chain.yaml").read();
 * if (status.effectiveStatus() == EffectiveStatus.STALE_BOOKKEEPING) { ... }
 * System.err.print(ChainStatusReader.summaryText(status));
 * }</pre>
 *
 * <p>Which chain, first that applies: {@link #remoteSpec(String)}; the local marker of the last
 * chain launched with this cloud.yaml; {@code chain.spec} when {@code mode: chain}; else {@code
 * missing_remote_spec}. Every observation is gathered in one remote exec (two only when the chain
 * state names a plan, workspace or session the first could not know in advance).
 *
 * <p>A provider without a remote shell gets no exec: the payload is built from local sources, the
 * state has its defaults, the spec no milestones, and the runner, plan status, verification facts
 * and chain log say {@code unavailable} with the reason; the effective-status rules then classify
 * the chain ({@code stale_bookkeeping}: nothing observable is driving it).
 *
 * <p>Values are immutable: {@link #remoteSpec(String)} returns a new reader.
 */
public final class ChainStatusReader {
  private final SessionContext session;
  private final Optional<String> remoteSpec;

  ChainStatusReader(SessionContext session, Optional<String> remoteSpec) {
    this.session = Objects.requireNonNull(session, "session");
    this.remoteSpec = Objects.requireNonNull(remoteSpec, "remoteSpec");
  }

  /**
   * A reader of the chain whose spec is at this path on the box ({@code --remote-spec}); wins over
   * every other source.
   *
   * @param path an absolute path on the box, used as given (normalized lexically)
   * @return a new reader
   */
  public ChainStatusReader remoteSpec(String path) {
    return new ChainStatusReader(session, Optional.of(Objects.requireNonNull(path, "path")));
  }

  /**
   * The explicit remote spec, if one was given.
   *
   * @return the path
   */
  public Optional<String> remoteSpec() {
    return remoteSpec;
  }

  /**
   * Reads the status.
   *
   * @return the payload
   * @throws CloudException {@code missing_remote_spec} when no chain can be named; {@code
   *     provider_failed} when the box cannot be probed, the remote spec file is missing or the
   *     state is not JSON; {@code invalid_spec} when the remote spec is not a chain spec; every
   *     message redacted
   */
  public ChainStatus read() {
    return new ChainStatusOperation(session).read(remoteSpec);
  }

  /**
   * The human summary block (02 "Chain summary") that {@code status --chain} prints on stderr.
   *
   * @param status a payload
   * @return the block, each line ending with a newline
   */
  public static String summaryText(ChainStatus status) {
    return ChainSummaryText.render(status.summary());
  }

  /**
   * The payload as pretty JSON (2-space indent), with the field names of 04.
   *
   * @param status a payload
   * @return the JSON text, without a trailing newline
   */
  public static String toJson(ChainStatus status) {
    return Json.pretty(status);
  }
}
