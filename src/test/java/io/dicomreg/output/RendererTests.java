package io.dicomreg.output;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RendererTests {

	private final Renderer renderer = new Renderer();

	private final Details details = Details.create()
		.add("Application (client) ID", "appId", "11111111-2222-3333-4444-555555555555")
		.add("Object ID", "objectId", "oid")
		.add("Expires", "expiresOn", Instant.parse("2026-11-27T10:00:00Z"))
		.add("Selected app", "selectedApp", null);

	@Test
	void tableAlignsLabels() {
		assertThat(this.renderer.render(this.details, OutputFormat.TABLE).lines()).containsExactly(
				"Application (client) ID  11111111-2222-3333-4444-555555555555",
				"Object ID                oid",
				"Expires                  2026-11-27T10:00:00Z",
				"Selected app             ");
	}

	@Test
	void jsonUsesStableFieldNames() {
		assertThat(this.renderer.render(Result.of(this.details).note("a note for people"), OutputFormat.JSON))
			.contains("\"appId\" : \"11111111")
			.contains("\"expiresOn\" : \"2026-11-27T10:00:00Z\"")
			.contains("\"selectedApp\" : null")
			.doesNotContain("a note for people");
	}

	@Test
	void notesFollowTheResultInText() {
		assertThat(this.renderer.render(Result.of(Details.create().add("A", "a", 1)).note("first").note("second"),
				OutputFormat.TABLE).lines()).containsExactly("A  1", "first", "second");
	}

	@Test
	void timesAlwaysShowSecondsInUtc() {
		assertThat(this.renderer.render(Details.create().add("At", "at", Instant.parse("2027-05-27T06:33:00Z"))
			.add("Then", "then", java.time.OffsetDateTime.parse("2027-05-27T06:33:00Z")), OutputFormat.JSON))
			.contains("\"at\" : \"2027-05-27T06:33:00Z\"").contains("\"then\" : \"2027-05-27T06:33:00Z\"");
	}

	@Test
	void changedIsTheLastFieldOfTheDetailsInBothFormats() {
		Result result = Result.of(Details.create().add("Name", "name", "x")).changed(true);
		assertThat(this.renderer.render(result, OutputFormat.TABLE).lines()).containsExactly("Name     x", "Changed  true");
		assertThat(this.renderer.render(result, OutputFormat.JSON)).containsSubsequence("\"name\"", "\"changed\" : true");
	}

	@Test
	void listsAreOneLineOfTextAndJsonArrays() {
		Details lists = Details.create().add("Added", "added", List.of("a", "b")).add("None", "none", List.of());
		assertThat(this.renderer.render(lists, OutputFormat.TABLE).lines()).containsExactly("Added  a, b", "None   (none)");
		assertThat(this.renderer.render(lists, OutputFormat.JSON)).contains("\"added\" : [ \"a\", \"b\" ]")
			.contains("\"none\" : [ ]");
	}

	@Test
	void aShownValueIsItsTextInTextAndItsJsonInJson() {
		Details shown = Details.create().add("Platform", "platform", Shown.as("Web", "web"));
		assertThat(this.renderer.render(shown, OutputFormat.TABLE)).isEqualTo("Platform  Web");
		assertThat(this.renderer.render(shown, OutputFormat.JSON)).contains("\"platform\" : \"web\"");
	}

	@Test
	void textOnlyAndJsonOnlyFieldsAndTablesAppearInTheirFormatOnly() {
		Result result = Result.of(Details.create().add("Name", "name", "x").textOnly("Value", "secretText", "s3cret")
			.jsonOnly("byPlatform", Map.of("web", List.of("https://a")))).thenInText(Table.of("P", "p").row("Web"));
		assertThat(this.renderer.render(result, OutputFormat.TABLE)).contains("Value  s3cret").contains("P" + System.lineSeparator() + "Web")
			.doesNotContain("byPlatform");
		assertThat(this.renderer.render(result, OutputFormat.JSON)).contains("\"byPlatform\"").doesNotContain("s3cret")
			.doesNotContain("Web\n");
	}

}
