package dev.gongkai.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP against a dev server on 127.0.0.1, for tests. */
final class TestHttp {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final int port;

  TestHttp(int port) {
    this.port = port;
  }

  /** GET {@code rawPath} (already percent-encoded where needed). */
  HttpResponse<String> get(String rawPath) throws IOException, InterruptedException {
    return send("GET", rawPath);
  }

  HttpResponse<String> send(String method, String rawPath) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(5))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * Sends {@code GET <rawPath> HTTP/1.1} over a plain socket, so that no client library normalises the path, and
   * returns the status code.
   */
  int rawStatus(String rawPath) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder statusLine = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') statusLine.append((char) c);
      String[] parts = statusLine.toString().trim().split(" ");
      return Integer.parseInt(parts[1]);
    }
  }
}
