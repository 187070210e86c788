/**
 * Remote command builders: one class per remote command of dispatch (03), chain status (04) and the
 * supervisor (05). Each builds its shell text in one place, putting every value in with {@link
 * dev.megaplan.cloud.core.internal.shell.ShellQuote} (or {@link
 * dev.megaplan.cloud.core.internal.shell.JsonLiteral} inside JSON/Python), and parses what the
 * command prints. Scripts are POSIX {@code sh} with coreutils only (the sync refresh is the one
 * Python snippet, on purpose), so they run on any runner box, with or without python3.
 *
 * <p>Two fragments are inserted as the user or provider wrote them, never quoted: the tmux client
 * prefix ({@code Provider.tmuxCommand()}) and the megaplan launcher ({@code megaplan.command}).
 * Builders take remote paths (state path, log path, marker path…) as parameters computed by the
 * caller; none derives a path itself.
 *
 * <p>Quoting is not enough for tmux, which format-expands some arguments ({@code new-session -s}
 * and {@code -c}) after the shell: no builder passes a directory to tmux (the session starts where
 * the tmux client runs, after {@code cd}), and session names and workspaces must pass {@link
 * dev.megaplan.cloud.core.internal.shell.BoxValues}, checked when a builder is constructed.
 */
package dev.megaplan.cloud.core.internal.remote;
