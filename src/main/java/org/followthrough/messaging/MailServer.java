package org.followthrough.messaging;

import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP server email goes to, made from Spring Boot's {@code spring.mail.*} settings as they are
 * when FollowThrough starts. Spring Boot's own mail configuration decides whether there is a sender
 * from the settings present when the bean graph is worked out, and in a build processed ahead of time
 * ({@code ./mvnw -Paot package}) that is the build: a mail server named only when the application
 * starts would be ignored and every email would wait in the outbox. So the sender is always declared
 * here (Boot's backs off), and made at start: without {@code spring.mail.host} there is none and email
 * waits in the outbox, as {@link Delivery} says once. The settings mean what Boot's documentation says:
 * host, port, username, password, protocol, default encoding, {@code spring.mail.properties.*}, and
 * {@code spring.mail.ssl.enabled} or {@code spring.mail.ssl.bundle} for a connection over TLS.
 */
@Configuration(proxyBeanMethods = false)
class MailServer {

    @Bean
    JavaMailSender mailSender(Environment environment, ObjectProvider<SslBundles> bundles) {
        var settings = Binder.get(environment)
                .bind("spring.mail", MailProperties.class)
                .orElse(null);
        return settings == null
                        || settings.getHost() == null
                        || settings.getHost().isBlank()
                ? null
                : sender(settings, bundles);
    }

    static JavaMailSenderImpl sender(MailProperties settings, ObjectProvider<SslBundles> bundles) {
        var sender = new JavaMailSenderImpl();
        sender.setHost(settings.getHost());
        if (settings.getPort() != null) {
            sender.setPort(settings.getPort());
        }
        sender.setUsername(settings.getUsername());
        sender.setPassword(settings.getPassword());
        sender.setProtocol(settings.getProtocol());
        if (settings.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(settings.getDefaultEncoding().name());
        }
        var properties = new Properties();
        properties.putAll(settings.getProperties());
        var ssl = settings.getSsl();
        if (ssl.isEnabled()) {
            properties.setProperty("mail." + settings.getProtocol() + ".ssl.enable", "true");
        }
        if (ssl.getBundle() != null) {
            var context = bundles.getObject().getBundle(ssl.getBundle()).createSslContext();
            properties.put("mail." + settings.getProtocol() + ".ssl.socketFactory", context.getSocketFactory());
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
