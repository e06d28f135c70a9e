import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a CSV of prospects as a CRM would export them: realistic names, companies and phones from
 * several countries, about 1% bad rows (broken emails, impossible phones, unknown countries), quoted
 * fields with commas. Usage: java GenerateProspects.java <rows> <file> [seed]
 */
public class GenerateProspects {

    static final String[] FIRST = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
        "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
        "Charles", "Karen", "Ana", "Jürgen", "Chloé", "Søren", "Zoë", "Mateo", "Yuki", "Priya", "Wei", "Fatima",
        "Olivia", "Liam", "Emma", "Noah", "Amelia", "Lucas", "Mia", "Hugo", "Léa", "Giulia"};
    static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Müller", "Schmidt", "Dubois", "Laurent", "Rossi", "Silva", "Tanaka", "Patel",
        "O'Brien", "Nguyen", "Kim", "Chen", "Okafor", "Novak", "Andersson", "Kowalski", "Moreau", "Costa",
        "Fischer", "Murphy"};
    static final String[] TITLES = {"CEO", "CFO", "COO", "VP Sales", "Head of Operations", "IT Manager",
        "Procurement Lead", "Office Manager", "Director, Finance", "Analyst"};
    static final String[] INDUSTRIES = {"Logistics", "Healthcare", "Manufacturing", "Retail", "Software",
        "Insurance", "Construction", "Education", "Energy", "Hospitality"};
    static final String[] WORDS = {"North", "Blue", "Cedar", "Summit", "River", "Bright", "Iron", "Silver",
        "Harbor", "Pine", "Golden", "Stone", "Maple", "Coral", "Atlas", "Nova", "Vertex", "Orion", "Delta", "Echo"};
    static final String[] KINDS = {"Logistics", "Foods", "Health", "Works", "Systems", "Partners", "Labs",
        "Group", "Solutions", "Industries"};
    // country as written in exports, and a phone pattern: # is a random digit
    static final String[][] PLACES = {
        {"United States", "+1 212 555 01##"}, {"United States", "(312) 555-01##"}, {"US", "+1 415 555 01##"},
        {"USA", "+1 206 555 01##"}, {"Germany", "+49 30 9018####"}, {"Deutschland", "089 2351 4###"},
        {"United Kingdom", "+44 20 7946 0###"}, {"GB", "0161 496 0###"}, {"France", "+33 1 42 68 ## ##"},
        {"Australia", "+61 2 9374 4###"}, {"Brazil", "+55 11 3456 7###"}, {"Japan", "+81 3 3224 5###"},
        {"Canada", "+1 416 555 01##"}, {"Spain", "+34 91 123 4###"}, {"Italy", "+39 06 6982 1###"}
    };

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        var file = Path.of(args[1]);
        var random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("First Name,Last Name,Email Address,Phone Number,Company Name,Job Title,Country/Region,Website,"
                    + "Industry,Lead Source\n");
            for (long i = 0; i < rows; i++) {
                var first = pick(random, FIRST);
                var last = pick(random, LAST);
                int companyNo = random.nextInt(50_000);
                var company = WORDS[companyNo % WORDS.length] + " " + KINDS[(companyNo / 20) % KINDS.length]
                        + (companyNo >= 200 ? " " + companyNo : "");
                var domain = company.toLowerCase().replaceAll("[^a-z0-9]", "") + ".example";
                var email = ascii(first) + "." + ascii(last) + "." + i + "@" + domain;
                var place = PLACES[random.nextInt(PLACES.length)];
                var phone = digits(random, place[1]);
                var country = place[0];
                switch (random.nextInt(100) == 0 ? random.nextInt(3) : -1) {
                    case 0 -> email = email.replace("@", " at ");
                    case 1 -> phone = "12";
                    case 2 -> country = "Atlantis";
                    default -> {}
                }
                if (random.nextInt(10) == 0) {
                    company = company + ", Inc.";
                }
                out.write(String.join(",", csv(first), csv(last), csv(email), csv(phone), csv(company),
                        csv(pick(random, TITLES)), csv(country), "https://www." + domain,
                        pick(random, INDUSTRIES), "Web form"));
                out.write('\n');
            }
        }
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    static String digits(Random random, String pattern) {
        var out = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            out.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
        }
        return out.toString();
    }

    static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase()
                .replaceAll("[^a-z]", "");
    }

    static String csv(String value) {
        return value.contains(",") || value.contains("\"")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }
}
