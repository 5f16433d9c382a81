package com.partnerops.reconcile.testsupport.graph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate for 127.0.0.1 made once per test run with the JDK's keytool, and a trust store holding only it.
 * The emulator serves TLS with it; the job trusts it the way a deployment trusts a private CA: through the JVM's
 * trust store ({@code -Djavax.net.ssl.trustStore} for a child process, the default SSL context in this JVM).
 */
public final class TestTls {

    static final char[] PASSWORD = "changeit".toCharArray();
    private static TestTls instance;

    private final Path keyStore;
    private final Path trustStore;

    private TestTls(Path dir) throws IOException, InterruptedException {
        keyStore = dir.resolve("emulator.p12");
        trustStore = dir.resolve("trust.p12");
        Path cert = dir.resolve("emulator.cer");
        keytool("-genkeypair", "-alias", "emulator", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-alias", "emulator", "-keystore", keyStore.toString(), "-storepass", "changeit",
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "emulator", "-file", cert.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
    }

    /** The run's certificate; this JVM's default SSL context trusts it from then on. */
    public static synchronized TestTls shared() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("emulator-tls");
                dir.toFile().deleteOnExit();
                instance = new TestTls(dir);
                SSLContext trusting = instance.context(false);
                SSLContext.setDefault(trusting);
                HttpsURLConnection.setDefaultSSLSocketFactory(trusting.getSocketFactory());
            } catch (IOException | InterruptedException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot make the emulator's certificate", e);
            }
        }
        return instance;
    }

    /** JVM options for a child process that must trust the emulator. */
    public List<String> trustStoreOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=changeit",
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    SSLContext serverContext() throws GeneralSecurityException, IOException {
        return context(true);
    }

    private SSLContext context(boolean server) throws GeneralSecurityException, IOException {
        SSLContext context = SSLContext.getInstance("TLS");
        if (server) {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore), PASSWORD);
            context.init(keys.getKeyManagers(), null, null);
        } else {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore));
            context.init(null, trust.getTrustManagers(), null);
        }
        return context;
    }

    private static KeyStore load(Path file) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }
}
