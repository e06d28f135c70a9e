import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;

/**
 * The soak's SMTP server: GreenMail accepting every email on 127.0.0.1:<port>. Every two seconds it
 * writes "<received> <distinct Message-IDs>" to <count-file>, until it is stopped.
 *
 *   java -cp <greenmail and its mail jars> bench/soak/MailSink.java <port> <count-file>
 */
public class MailSink {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        var counts = Path.of(args[1]);
        var smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        var next = counts.resolveSibling(counts.getFileName() + ".next");
        while (true) {
            var messages = smtp.getReceivedMessages();
            var ids = new HashSet<String>();
            for (var message : messages) {
                ids.add(String.valueOf(message.getMessageID()));
            }
            Files.writeString(next, messages.length + " " + ids.size() + "\n");
            Files.move(next, counts, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(2_000);
        }
    }
}
