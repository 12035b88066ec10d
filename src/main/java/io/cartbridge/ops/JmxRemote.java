package io.cartbridge.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXPrincipal;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.security.auth.Subject;

/**
 * Remote JMX on one port, bound to one address (127.0.0.1 unless configured), with a user
 * and password from a file outside the repository. The file has one {@code user password}
 * pair per line, as the JDK's own jmxremote.password file.
 */
public final class JmxRemote {

    private final JMXConnectorServer server;
    private final Registry registry;

    private JmxRemote(JMXConnectorServer server, Registry registry) {
        this.server = server;
        this.registry = registry;
    }

    public static JmxRemote start(String host, int port, Path passwordFile) {
        Map<String, String> users = users(passwordFile);
        try {
            InetAddress address = InetAddress.getByName(host);
            RMIServerSocketFactory sockets = new BoundSockets(address);
            Registry registry = LocateRegistry.createRegistry(port, null, sockets);
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + host + ":" + port
                    + "/jndi/rmi://" + host + ":" + port + "/jmxrmi");
            Map<String, Object> environment = new HashMap<>();
            environment.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets);
            environment.put(JMXConnectorServer.AUTHENTICATOR, authenticator(users));
            JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(url,
                    environment, java.lang.management.ManagementFactory.getPlatformMBeanServer());
            server.start();
            return new JmxRemote(server, registry);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open remote JMX on " + host + ":" + port
                    + " (setting management.jmx-port): " + e.getMessage(), e);
        }
    }

    public void stop() {
        try {
            server.stop();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (IOException ignored) {
            // already gone
        }
    }

    /**
     * Checks the password file before anything starts: it must exist, be readable by the
     * service, be closed to other users (as the JDK asks of its own file) and name a user.
     */
    public static void check(Path file) {
        users(file);
    }

    private static Map<String, String> users(Path file) {
        if (file == null) {
            throw new IllegalStateException("Setting management.jmx-port needs"
                    + " management.jmx-password-file (MANAGEMENT_JMX_PASSWORD_FILE): a file of"
                    + " 'user password' lines");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("Remote JMX needs a readable password file"
                    + " (setting management.jmx-password-file): " + file);
        }
        try {
            Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_WRITE);
            open.retainAll(Files.getPosixFilePermissions(file));
            if (!open.isEmpty()) {
                throw new IllegalStateException("The JMX password file " + file + " can be"
                        + " read or written by other users; make it readable by the service's"
                        + " user only (chmod 600)");
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // A file system without POSIX permissions: nothing to check.
        }
        Map<String, String> users = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+", 2);
                if (parts.length != 2) {
                    throw new IllegalStateException("The JMX password file " + file + " has a"
                            + " line with a user and no password: '" + parts[0] + "'");
                }
                users.put(parts[0], parts[1]);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("The JMX password file " + file + " names no user");
        }
        return users;
    }

    private static JMXAuthenticator authenticator(Map<String, String> users) {
        return credentials -> {
            if (credentials instanceof String[] pair && pair.length == 2 && pair[0] != null
                    && pair[1] != null && users.containsKey(pair[0])
                    && MessageDigest.isEqual(users.get(pair[0]).getBytes(StandardCharsets.UTF_8),
                            pair[1].getBytes(StandardCharsets.UTF_8))) {
                return new Subject(true, java.util.Set.of(new JMXPrincipal(pair[0])),
                        java.util.Set.of(), java.util.Set.of());
            }
            throw new SecurityException("Invalid JMX user or password");
        };
    }

    /** Server sockets bound to one address, so that JMX is not open on every interface. */
    private record BoundSockets(InetAddress address) implements RMIServerSocketFactory {
        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, address);
        }
    }
}
