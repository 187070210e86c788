package dev.megaplan.cloud.cli.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JDK cryptography an SSH session to OpenSSH uses once the key exchange is under way (which
 * {@link TrainingSshPeer} does not reach): X25519 agreement, Ed25519 signing and verification, the
 * SHA-2 digests, AES-GCM and AES-CTR, HMAC-SHA2. Running each once in the training run puts their
 * classes in the archive, so the first real connection does not load them from the JDK's modules.
 */
final class TrainingCrypto {
  private TrainingCrypto() {}

  static void run() throws GeneralSecurityException {
    byte[] data = "cds-training".getBytes(StandardCharsets.US_ASCII);
    SecureRandom random = new SecureRandom();
    KeyPairGenerator xdh = KeyPairGenerator.getInstance("X25519");
    KeyPair ours = xdh.generateKeyPair();
    KeyAgreement agreement = KeyAgreement.getInstance("X25519");
    agreement.init(ours.getPrivate());
    agreement.doPhase(xdh.generateKeyPair().getPublic(), true);
    byte[] secret = agreement.generateSecret();

    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(ed.getPrivate());
    signer.update(data);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(ed.getPublic());
    verifier.update(data);
    verifier.verify(signature);

    MessageDigest.getInstance("SHA-256").digest(secret);
    MessageDigest.getInstance("SHA-512").digest(secret);

    byte[] key = new byte[16];
    random.nextBytes(key);
    SecretKeySpec aes = new SecretKeySpec(key, "AES");
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, new byte[12]));
    gcm.updateAAD(new byte[4]);
    byte[] sealed = gcm.doFinal(data);
    gcm.init(Cipher.DECRYPT_MODE, aes, new GCMParameterSpec(128, new byte[12]));
    gcm.updateAAD(new byte[4]);
    gcm.doFinal(sealed);
    Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
    ctr.init(Cipher.ENCRYPT_MODE, aes, new IvParameterSpec(new byte[16]));
    ctr.doFinal(data);

    for (String name : new String[] {"HmacSHA256", "HmacSHA512"}) {
      Mac mac = Mac.getInstance(name);
      mac.init(new SecretKeySpec(key, name));
      mac.doFinal(data);
    }
  }
}
