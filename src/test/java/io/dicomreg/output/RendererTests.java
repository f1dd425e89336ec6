package io.dicomreg.output;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RendererTests {

	private final OutputSettings settings = new OutputSettings(OutputFormat.TABLE);

	private final Renderer renderer = new Renderer(this.settings);

	private final Details details = Details.create()
		.add("Application (client) ID", "appId", "11111111-2222-3333-4444-555555555555")
		.add("Object ID", "objectId", "oid")
		.add("Expires", "expiresOn", Instant.parse("2026-11-27T10:00:00Z"))
		.add("Selected app", "selectedApp", null);

	@Test
	void tableAlignsLabels() {
		assertThat(this.renderer.render(this.details).lines()).containsExactly(
				"Application (client) ID  11111111-2222-3333-4444-555555555555",
				"Object ID                oid",
				"Expires                  2026-11-27T10:00:00Z",
				"Selected app             ");
	}

	@Test
	void jsonUsesStableFieldNames() {
		this.settings.override(OutputFormat.JSON);
		assertThat(this.renderer.render(this.details, "a note for people")).contains("\"appId\" : \"11111111")
			.contains("\"expiresOn\" : \"2026-11-27T10:00:00Z\"")
			.contains("\"selectedApp\" : null")
			.doesNotContain("a note for people");
	}

	@Test
	void timesAlwaysShowSecondsInUtc() {
		this.settings.override(OutputFormat.JSON);
		assertThat(this.renderer.render(Details.create().add("At", "at", Instant.parse("2027-05-27T06:33:00Z"))
			.add("Then", "then", java.time.OffsetDateTime.parse("2027-05-27T06:33:00Z"))))
			.contains("\"at\" : \"2027-05-27T06:33:00Z\"").contains("\"then\" : \"2027-05-27T06:33:00Z\"");
	}

	@Test
	void overrideLastsUntilReset() {
		this.settings.override(OutputFormat.JSON);
		assertThat(this.renderer.format()).isEqualTo(OutputFormat.JSON);
		this.settings.reset();
		assertThat(this.renderer.format()).isEqualTo(OutputFormat.TABLE);
	}

}
