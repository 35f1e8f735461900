import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;
import org.apache.zookeeper.server.ServerConfig;
import org.apache.zookeeper.server.ZooKeeperServerMain;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;

/**
 * One process of the SolrCloud test cluster that scripts/solrcloud starts: either a
 * standalone ZooKeeper or one Solr node (real Solr in Jetty, in SolrCloud mode), both
 * listening on 127.0.0.1 only. Each runs until it is killed.
 *
 * <pre>
 *   java Launcher zk PORT DATADIR
 *   java Launcher node PORT SOLRHOME ZKHOST
 * </pre>
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    if (args.length == 3 && args[0].equals("zk")) {
      run(() -> zookeeper(Integer.parseInt(args[1]), Path.of(args[2])));
    } else if (args.length == 4 && args[0].equals("node")) {
      run(() -> node(Integer.parseInt(args[1]), Path.of(args[2]), args[3]));
    } else {
      System.err.println("usage: Launcher zk PORT DATADIR | Launcher node PORT SOLRHOME ZKHOST");
      System.exit(2);
    }
  }

  private interface Server {
    void run() throws Exception;
  }

  /** A server that fails ends the JVM (threads it left behind would keep it alive). */
  private static void run(Server server) {
    try {
      server.run();
    } catch (Throwable failure) {
      failure.printStackTrace();
      System.exit(1);
    }
  }

  /** A standalone ZooKeeper server; runFromConfig blocks until the process is killed. */
  private static void zookeeper(int port, Path dataDir) throws Exception {
    Files.createDirectories(dataDir);
    // No admin web server (it would take port 8080) and no four-letter-word limits.
    System.setProperty("zookeeper.admin.enableServer", "false");
    Properties props = new Properties();
    props.setProperty("dataDir", dataDir.toAbsolutePath().toString());
    props.setProperty("clientPort", Integer.toString(port));
    props.setProperty("clientPortAddress", "127.0.0.1");
    props.setProperty("tickTime", "2000");
    props.setProperty("maxClientCnxns", "0");
    props.setProperty("4lw.commands.whitelist", "*");
    QuorumPeerConfig quorum = new QuorumPeerConfig();
    quorum.parseProperties(props);
    ServerConfig config = new ServerConfig();
    config.readFrom(quorum);
    System.out.println("solrcloud-launcher: zookeeper on 127.0.0.1:" + port + " (data " + dataDir + ")");
    new ZooKeeperServerMain().runFromConfig(config);
  }

  /** One Solr node in SolrCloud mode, with its own solr home and the solr.xml written here. */
  private static void node(int port, Path solrHome, String zkHost) throws Exception {
    Files.createDirectories(solrHome);
    Files.writeString(solrHome.resolve("solr.xml"), solrXml(port, zkHost), StandardCharsets.UTF_8);
    System.setProperty("zkHost", zkHost);
    System.setProperty("host", "127.0.0.1");
    System.setProperty("jetty.port", Integer.toString(port));
    JettyConfig config = JettyConfig.builder().setPort(port).setContext("/solr")
        .stopAtShutdown(true).build();
    JettySolrRunner jetty = new JettySolrRunner(solrHome.toAbsolutePath().toString(), config);
    jetty.start();
    System.out.println("solrcloud-launcher: node " + jetty.getNodeName() + " at " + jetty.getBaseUrl()
        + " (zookeeper " + zkHost + ")");
    Thread.currentThread().join();
  }

  private static String solrXml(int port, String zkHost) {
    return String.join("\n",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<!-- Written by scripts/solrcloud-launcher/Launcher.java at every start. -->",
        "<solr>",
        "  <solrcloud>",
        "    <str name=\"host\">127.0.0.1</str>",
        "    <int name=\"hostPort\">" + port + "</int>",
        "    <str name=\"hostContext\">solr</str>",
        "    <str name=\"zkHost\">" + zkHost + "</str>",
        // ZooKeeper drops a killed node from live_nodes when its session expires: 10 s
        // rather than Solr's 30 s keeps the node-kill tests short (-DzkClientTimeout=...).
        "    <int name=\"zkClientTimeout\">${zkClientTimeout:10000}</int>",
        "    <bool name=\"genericCoreNodeNames\">true</bool>",
        "    <int name=\"distribUpdateConnTimeout\">60000</int>",
        "    <int name=\"distribUpdateSoTimeout\">600000</int>",
        "  </solrcloud>",
        "  <shardHandlerFactory name=\"shardHandlerFactory\" class=\"HttpShardHandlerFactory\">",
        "    <int name=\"connTimeout\">60000</int>",
        "    <int name=\"socketTimeout\">600000</int>",
        "  </shardHandlerFactory>",
        "</solr>",
        "");
  }
}
