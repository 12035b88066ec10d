package io.cartbridge.config;

import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;

/**
 * Lets two or more instances share the schedules: Quartz keeps its triggers in the service's
 * own schema (tables made by migration V5) and, in clustered mode, only one instance fires
 * each trigger. When that instance dies, another takes its triggers over after the check-in
 * interval. The ledger's claim keeps every item single even when polls overlap.
 */
final class QuartzCluster {

    private static final String DDL = "org/quartz/impl/jdbcjobstore/tables_mysql_innodb.sql";

    private QuartzCluster() {
    }

    static void configure(CamelContext context, Settings settings, String url, String user,
                          String password) {
        Properties quartz = new Properties();
        quartz.put("org.quartz.scheduler.instanceName", "cartbridge");
        quartz.put("org.quartz.scheduler.instanceId", "AUTO");
        quartz.put("org.quartz.threadPool.threadCount", "4");
        quartz.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.put("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        quartz.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        quartz.put("org.quartz.jobStore.isClustered", "true");
        quartz.put("org.quartz.jobStore.clusterCheckinInterval",
                String.valueOf(settings.integer("sync.cluster-checkin-ms", 10000, 1000)));
        quartz.put("org.quartz.jobStore.dataSource", "cartbridge");
        quartz.put("org.quartz.dataSource.cartbridge.provider", "hikaricp");
        quartz.put("org.quartz.dataSource.cartbridge.driver", "com.mysql.cj.jdbc.Driver");
        quartz.put("org.quartz.dataSource.cartbridge.URL", url);
        quartz.put("org.quartz.dataSource.cartbridge.user", user);
        quartz.put("org.quartz.dataSource.cartbridge.password", password);
        quartz.put("org.quartz.dataSource.cartbridge.maxConnections", "4");
        context.getComponent("quartz", QuartzComponent.class).setProperties(quartz);
    }
}
