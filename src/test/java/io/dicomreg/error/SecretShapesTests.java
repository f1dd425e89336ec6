package io.dicomreg.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretShapesTests {

	private static final String SECRET = "OBR8Q~oqttgPMZenwR.hSbp3R6i.bz1e2aev7Tds";

	@Test
	void aClientSecretAnywhereInALineShowsOnlyItsStartAndLength() {
		assertThat(SecretShapes.redact("The file given by --file does not exist: /tmp/x/" + SECRET + "."))
			.isEqualTo("The file given by --file does not exist: /tmp/x/OBR... (40 characters).");
		assertThat(SecretShapes.redact(SECRET + ":1: " + SECRET)).doesNotContain(SECRET).startsWith("OBR... (40");
	}

	@Test
	void pathsIdsAndOrdinaryWordsStayAsTheyAre() {
		String text = "~/certs/dicom-client.pem 0f8fad5b-d9cb-469f-a165-70867728950e request-id: x~y AB8Q~short";
		assertThat(SecretShapes.redact(text)).isEqualTo(text);
	}

}
