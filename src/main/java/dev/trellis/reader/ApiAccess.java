package dev.trellis.reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** How the reader reaches the Kubernetes API server: its address, a bearer token, and the CA to trust. */
public final class ApiAccess {
  static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI server;
  private final Supplier<String> token;
  private final HttpClient http;

  private ApiAccess(URI server, Supplier<String> token, HttpClient http) {
    this.server = server;
    this.token = token;
    this.http = http;
  }

  /**
   * Inside a pod: the service account's token and CA under /var/run/secrets/kubernetes.io/serviceaccount and the
   * address in KUBERNETES_SERVICE_HOST/PORT. The token is read again for every request, since the kubelet rotates it.
   */
  public static ApiAccess inCluster() {
    String host = System.getenv("KUBERNETES_SERVICE_HOST");
    String port = System.getenv("KUBERNETES_SERVICE_PORT");
    if (host == null || port == null) {
      throw new IllegalStateException("not in a pod: KUBERNETES_SERVICE_HOST/PORT are not set");
    }
    try {
      String ca = Files.readString(SERVICE_ACCOUNT.resolve("ca.crt"), StandardCharsets.UTF_8);
      Path tokenFile = SERVICE_ACCOUNT.resolve("token");
      Supplier<String> token = () -> {
        try {
          return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
          throw new GrantsException(GrantsException.Reason.MISSING, "cannot read the service account token", e);
        }
      };
      String h = host.contains(":") ? "[" + host + "]" : host; // an IPv6 address
      return new ApiAccess(URI.create("https://" + h + ":" + port), token, client(ca));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the service account CA", e);
    }
  }

  /**
   * An API server at {@code server} with {@code bearerToken} (null: none); {@code caPem} the PEM certificate(s) to
   * trust, or null for the JVM's default trust.
   */
  public static ApiAccess of(URI server, String bearerToken, String caPem) {
    return new ApiAccess(server, () -> bearerToken, client(caPem));
  }

  /** The body of {@code GET path}; empty for 404, {@link GrantsException} MISSING for any other failure. */
  Optional<String> get(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(TIMEOUT)
        .header("Accept", "application/json").GET();
    String t = token.get();
    if (t != null && !t.isEmpty()) {
      request.header("Authorization", "Bearer " + t);
    }
    try {
      HttpResponse<String> response = http.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() == 404) {
        return Optional.empty();
      }
      if (response.statusCode() != 200) {
        throw new GrantsException(GrantsException.Reason.MISSING, "GET " + path + " answered "
            + response.statusCode());
      }
      return Optional.of(response.body());
    } catch (IOException e) {
      throw new GrantsException(GrantsException.Reason.MISSING, "GET " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GrantsException(GrantsException.Reason.MISSING, "GET " + path + " interrupted", e);
    }
  }

  @Override
  public String toString() {
    return "ApiAccess[" + server + "]";
  }

  private static HttpClient client(String caPem) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
    if (caPem != null) {
      try {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        int n = 0;
        for (Certificate c : CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)))) {
          trust.setCertificateEntry("ca-" + n++, c);
        }
        if (n == 0) {
          throw new IllegalArgumentException("no certificate in the CA PEM");
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        builder.sslContext(ssl);
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalArgumentException("cannot use the CA certificate: " + e.getMessage(), e);
      }
    }
    return builder.build();
  }
}
