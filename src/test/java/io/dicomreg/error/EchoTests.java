package io.dicomreg.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EchoTests {

	@Test
	void shortWordsGuidsAndNamesThatFitOnALineAreShownWhole() {
		assertThat(Echo.quoted("twin")).isEqualTo("'twin'");
		assertThat(Echo.quoted("0f8fad5b-d9cb-469f-a165-70867728950e")).isEqualTo("'0f8fad5b-d9cb-469f-a165-70867728950e'");
		assertThat(Echo.quoted("DICOM client for the radiology department")).isEqualTo(
				"'DICOM client for the radiology department'");
	}

	@Test
	void aLongSingleWordShowsOnlyItsStartAndLength() {
		assertThat(Echo.quoted("Ab78Q~abcdefghijklmnopqrstuvwxyz0123456789")).isEqualTo("'Ab7...' (42 characters)");
	}

	@Test
	void longTextWithSpacesShowsItsStartAndLengthInsteadOfFillingTheScreen() {
		String huge = "ab ".repeat(1000);
		assertThat(Echo.quoted(huge)).isEqualTo("'" + huge.substring(0, 40) + "...' (3000 characters)");
	}

}
