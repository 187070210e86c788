package dev.megaplan.cloud.testkit.emulator;

/**
 * SHA-1 (FIPS 180-4) of a byte array, written out so that hashing a path does not bootstrap the JCA
 * provider framework ({@code MessageDigest.getInstance} loads about a hundred classes and costs
 * tens of milliseconds of a call that must start in well under 0.2 s). Tests hold it to {@code
 * MessageDigest}.
 */
final class Sha1 {
  private Sha1() {}

  /** The 20-byte digest of {@code message}. */
  static byte[] digest(byte[] message) {
    int h0 = 0x67452301;
    int h1 = 0xEFCDAB89;
    int h2 = 0x98BADCFE;
    int h3 = 0x10325476;
    int h4 = 0xC3D2E1F0;
    long bitLength = (long) message.length * 8;
    int paddedLength = ((message.length + 8) / 64 + 1) * 64;
    byte[] padded = new byte[paddedLength];
    System.arraycopy(message, 0, padded, 0, message.length);
    padded[message.length] = (byte) 0x80;
    for (int i = 0; i < 8; i++) {
      padded[paddedLength - 1 - i] = (byte) (bitLength >>> (8 * i));
    }
    int[] w = new int[80];
    for (int block = 0; block < paddedLength; block += 64) {
      for (int t = 0; t < 16; t++) {
        int at = block + 4 * t;
        w[t] =
            (padded[at] & 0xff) << 24
                | (padded[at + 1] & 0xff) << 16
                | (padded[at + 2] & 0xff) << 8
                | (padded[at + 3] & 0xff);
      }
      for (int t = 16; t < 80; t++) {
        w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
      }
      int a = h0;
      int b = h1;
      int c = h2;
      int d = h3;
      int e = h4;
      for (int t = 0; t < 80; t++) {
        int f;
        int k;
        if (t < 20) {
          f = (b & c) | (~b & d);
          k = 0x5A827999;
        } else if (t < 40) {
          f = b ^ c ^ d;
          k = 0x6ED9EBA1;
        } else if (t < 60) {
          f = (b & c) | (b & d) | (c & d);
          k = 0x8F1BBCDC;
        } else {
          f = b ^ c ^ d;
          k = 0xCA62C1D6;
        }
        int temp = Integer.rotateLeft(a, 5) + f + e + k + w[t];
        e = d;
        d = c;
        c = Integer.rotateLeft(b, 30);
        b = a;
        a = temp;
      }
      h0 += a;
      h1 += b;
      h2 += c;
      h3 += d;
      h4 += e;
    }
    int[] words = {h0, h1, h2, h3, h4};
    byte[] digest = new byte[20];
    for (int i = 0; i < 5; i++) {
      digest[4 * i] = (byte) (words[i] >>> 24);
      digest[4 * i + 1] = (byte) (words[i] >>> 16);
      digest[4 * i + 2] = (byte) (words[i] >>> 8);
      digest[4 * i + 3] = (byte) words[i];
    }
    return digest;
  }
}
