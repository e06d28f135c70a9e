package org.followthrough.prospects.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.followthrough.prospects.Stage;
import org.junit.jupiter.api.Test;

/** Column recognition is data: every layout names its source, headers compare loosely, layouts are told apart. */
class ColumnNamesTest {

    private final ColumnNames names = ColumnNames.standard();

    @Test
    void everyLayoutNamesWhereItsColumnNamesComeFrom() {
        assertThat(names.layouts()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(names.layouts()).allSatisfy(l -> assertThat(l.source()).hasSizeGreaterThan(20));
        assertThat(names.entries())
                .allSatisfy(e -> assertThat(names.layout(e.layout())).isPresent());
    }

    @Test
    void headersCompareIgnoringCaseSpacesPunctuationAndAccents() {
        assertThat(ColumnNames.key("E-Mail")).isEqualTo(ColumnNames.key("email"));
        assertThat(ColumnNames.key("Prénom")).isEqualTo("prenom");
        assertThat(ColumnNames.key("Person - Email - Work")).isEqualTo("personemailwork");
        assertThat(ColumnNames.key("電話番号")).isEqualTo("電話番号");
        assertThat(ColumnNames.key("ＥＭＡＩＬ")).isEqualTo("email");
    }

    @Test
    void aHeaderMeansWhatTheLayoutItBelongsToSays() {
        var outlook = Columns.of(
                List.of("First Name", "Last Name", "Title", "Job Title", "E-mail Address", "Business Phone"));
        assertThat(outlook.layout()).isEqualTo("outlook");
        assertThat(outlook.ignored()).contains("Title");
        var close = Columns.of(List.of("id", "display_name", "primary_contact_name", "primary_contact_primary_email"));
        assertThat(close.layout()).isEqualTo("close");
        assertThat(close.mapped()).contains("display_name → company", "primary_contact_name → fullName");
        var german = Columns.of(List.of("Vorname", "Nachname", "Telefon", "Firma"));
        assertThat(german.mapped())
                .containsExactly("Vorname → firstName", "Nachname → lastName", "Telefon → phone", "Firma → company");
        assertThat(german.missing()).isEmpty();
    }

    @Test
    void aCorrectedColumnWinsAndABlankOneIsIgnored() {
        var columns = Columns.of(
                List.of("Name", "Contact", "Email", "Notes"), java.util.Map.of("Contact", "phone", "Name", ""));
        assertThat(columns.mapped()).containsExactly("Contact → phone", "Email → email");
        assertThat(columns.ignored()).containsExactly("Name", "Notes");
    }

    @Test
    void severalValuesInACellAreReadEachFirstIsMain() {
        var columns = Columns.of(List.of("Full Name", "Email", "Phone"));
        var row =
                columns.read(2, List.of("Ana Silva", "a@x.example; b@y.example", "+1 212 555 0147 | +1 212 555 0148"));
        assertThat(row.fields().email()).isEqualTo("a@x.example");
        assertThat(row.emails()).extracting(Columns.Value::text).containsExactly("a@x.example", "b@y.example");
        assertThat(row.phones()).extracting(Columns.Value::text).containsExactly("+1 212 555 0147", "+1 212 555 0148");
    }

    @Test
    void hubSpotsZoneSlugIsTheZoneItNames() {
        assertThat(Columns.zone("america_slash_new_york")).isEqualTo("America/New_York");
        assertThat(Columns.zone("europe_slash_berlin")).isEqualTo("Europe/Berlin");
        assertThat(Columns.zone("Europe/Paris")).isEqualTo("Europe/Paris");
    }

    @Test
    void stagesAndConsentValuesAreData() {
        assertThat(ImportValues.stage("Closed - Converted")).contains(Stage.WON);
        assertThat(ImportValues.stage("attempted to contact")).contains(Stage.ATTEMPTING);
        assertThat(ImportValues.stage("Kunde")).contains(Stage.WON);
        assertThat(ImportValues.stage("somewhere")).isEmpty();
        assertThat(ImportValues.flag("Do Not Allow")).contains(true);
        assertThat(ImportValues.flag("Allow")).contains(false);
        assertThat(ImportValues.flag("perhaps")).isEmpty();
    }
}
