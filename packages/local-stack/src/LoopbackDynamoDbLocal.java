import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local listening on loopback only.
 *
 * DynamoDB Local has no host option: its Jetty connector binds every interface, so anyone on the
 * network could write into the votes table. This builds the server exactly as DynamoDB Local's own
 * main does (same command-line arguments), then sets each connector's host to 127.0.0.1 before the
 * server starts. It runs in Java's source-file mode (java -cp ... LoopbackDynamoDbLocal.java args),
 * so nothing is compiled ahead of time; that mode needs the JDK's jdk.compiler module.
 *
 * The private field's name is DynamoDB Local's, not a public API: if a release renames it, this
 * refuses to start rather than silently listening on every interface.
 */
public final class LoopbackDynamoDbLocal {
  private static final String HOST = "127.0.0.1";

  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no connector to bind to " + HOST);
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) {
        throw new IllegalStateException("Cannot bind " + connector.getClass().getName() + " to " + HOST + ": refusing to listen on every interface");
      }
      ((ServerConnector) connector).setHost(HOST);
    }
    proxy.start();
    if (!server.isStarted()) {
      // DynamoDBProxyServer.start() prints why (e.g. the port is taken) and stops the server.
      System.exit(1);
    }
    System.out.println("DynamoDB Local listening on " + HOST + " only");
    proxy.join();
  }
}
