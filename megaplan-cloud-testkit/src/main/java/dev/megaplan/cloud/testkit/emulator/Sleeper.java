package dev.megaplan.cloud.testkit.emulator;

/** Waits; the one place the emulator's logic gives way to time passing. */
interface Sleeper {
  /** Sleeps on the calling thread. */
  Sleeper REAL =
      new Sleeper() {
        @Override
        public void sleep(long millis) throws InterruptedException {
          Thread.sleep(millis);
        }
      };

  void sleep(long millis) throws InterruptedException;
}
