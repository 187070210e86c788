package dev.megaplan.cloud.core.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;

/** A local bare repository with one commit on {@code main}; no global git config is touched. */
final class GitFixture {
  private GitFixture() {}

  /** Creates {@code <root>/<name>.git} with one commit on main and returns its path. */
  static String bareRepo(Box box, String name) {
    String bare = box.root.resolve(name + ".git").toString();
    String seed = box.root.resolve(name + "-seed").toString();
    String git =
        "git -c user.name=test -c user.email=test@example.invalid -c init.defaultBranch=main";
    ExecResult r =
        box.exec(
            String.join(
                " && ",
                git + " init -q --bare " + ShellQuote.quote(bare),
                git + " init -q " + ShellQuote.quote(seed),
                "echo hello > " + ShellQuote.quote(seed + "/README"),
                git + " -C " + ShellQuote.quote(seed) + " add README",
                git + " -C " + ShellQuote.quote(seed) + " commit -q -m init",
                git
                    + " -C "
                    + ShellQuote.quote(seed)
                    + " push -q "
                    + ShellQuote.quote(bare)
                    + " HEAD:main"));
    assertEquals(0, r.exitCode(), r.toString());
    return bare;
  }
}
