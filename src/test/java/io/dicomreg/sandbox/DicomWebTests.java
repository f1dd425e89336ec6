package io.dicomreg.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DICOMweb search (QIDO-RS), metadata (WADO-RS) and the change feed of the provisioned DICOM service, over HTTPS
 * with an application's token from MSAL4J and a DICOM Data Reader assignment: standard DICOM JSON, the seeded
 * studies, v1 and v2 defaults and parameter rules, the open-source server's 400 texts, 204 and 406.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DicomWebTests {

	private static final String CT = "00080060";

	private DicomWebClient dicom;

	private List<String> studies;

	@BeforeAll
	void setUp(Sandbox server) {
		ArmFixture.Daemon reader = new ArmFixture(server).createDaemon("dicom reader");
		SandboxDicom sandboxDicom = SandboxInspector.of(server).dicom();
		sandboxDicom.assignDataReader(reader.servicePrincipalId(), "ServicePrincipal");
		this.dicom = new DicomWebClient(server, sandboxDicom.serviceUrl(),
				DicomTokens.application(server, reader.appId(), reader.secret()));
		this.studies = sandboxDicom.studyInstanceUids();
	}

	@Test
	void studySearchAnswersStandardDicomJsonNewestFirst() {
		SandboxHttp.Response response = this.dicom.get("/v2/studies");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/dicom+json");
		assertThat(response.header("api-supported-versions")).isEqualTo("1.0-prerelease, 1, 2");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		JsonNode results = response.json();
		assertThat(results.isArray()).isTrue();
		assertThat(results).hasSize(2);
		JsonNode mr = results.get(0);
		assertThat(mr.path("0020000D").path("vr").asText()).isEqualTo("UI");
		assertThat(mr.path("0020000D").path("Value").get(0).asText()).isEqualTo(this.studies.get(1));
		assertThat(mr.path("00100010").path("vr").asText()).isEqualTo("PN");
		assertThat(mr.path("00100010").path("Value").get(0).path("Alphabetic").asText()).isEqualTo("Roe^Richard");
		assertThat(mr.path("00100020").path("Value").get(0).asText()).isEqualTo("SBX-0002");
		assertThat(mr.path("00080020").path("Value").get(0).asText()).isEqualTo("20240302");
		assertThat(results.get(1).path("0020000D").path("Value").get(0).asText()).isEqualTo(this.studies.get(0));
		for (JsonNode study : results) {
			assertThat(keys(study)).allMatch((key) -> key.matches("[0-9A-F]{8}")).isSorted();
			study.forEach((element) -> assertThat(element.has("vr")).isTrue());
		}
		// v2 defaults: no StudyTime, no SpecificCharacterSet; v1 defaults have both and no StudyDescription.
		assertThat(keys(mr)).containsExactly("00080020", "00080050", "00080090", "00081030", "00100010", "00100020",
				"00100030", "0020000D");
		JsonNode v1 = this.dicom.get("/v1/studies").json().get(0);
		assertThat(keys(v1)).contains("00080005", "00080030", "00100040", "00200010").doesNotContain("00081030");
	}

	@Test
	void searchFiltersOnPatientIdStudyDateAndModality() {
		assertThat(uids(this.dicom.get("/v2/studies?PatientID=SBX-0001"), "0020000D"))
			.containsExactly(this.studies.get(0));
		assertThat(uids(this.dicom.get("/v2/studies?00100020=SBX-0002"), "0020000D"))
			.containsExactly(this.studies.get(1));
		assertThat(uids(this.dicom.get("/v2/studies?StudyDate=20240101-20240131"), "0020000D"))
			.containsExactly(this.studies.get(0));
		assertThat(uids(this.dicom.get("/v2/studies?StudyDate=20240302"), "0020000D"))
			.containsExactly(this.studies.get(1));
		assertThat(uids(this.dicom.get("/v2/studies?PatientName=roe&fuzzymatching=true"), "0020000D"))
			.containsExactly(this.studies.get(1));
		assertThat(uids(this.dicom.get("/v2/studies?ModalitiesInStudy=CT"), "0020000D"))
			.containsExactly(this.studies.get(0));
		assertThat(this.dicom.get("/v2/series?Modality=MR").json()).hasSize(2);
		assertThat(this.dicom.get("/v2/instances").json()).hasSize(5);
		assertThat(this.dicom.get("/v2/instances?Modality=CT").json()).hasSize(2);
	}

	@Test
	void searchesUnderAStudyAndASeries() {
		JsonNode series = this.dicom.get("/v2/studies/" + this.studies.get(1) + "/series").json();
		assertThat(series).hasSize(2);
		assertThat(series).allSatisfy((s) -> assertThat(s.path(CT).path("Value").get(0).asText()).isEqualTo("MR"));
		String flair = series.get(0).path("0020000E").path("Value").get(0).asText();
		assertThat(this.dicom.get("/v2/studies/" + this.studies.get(1) + "/series/" + flair + "/instances").json())
			.hasSize(1);
		assertThat(this.dicom.get("/v2/studies/" + this.studies.get(1) + "/instances").json()).hasSize(3);
		JsonNode v1Instances = this.dicom.get("/v1/studies/" + this.studies.get(0) + "/instances").json();
		assertThat(v1Instances).hasSize(2);
		assertThat(v1Instances.get(0).path("00080016").path("Value").get(0).asText())
			.isEqualTo("1.2.840.10008.5.1.4.1.1.2");
		assertThat(v1Instances.get(0).path("00280010").path("Value").get(0).asInt()).isEqualTo(512);
	}

	@Test
	void limitOffsetAndIncludeFieldShapeTheAnswer() {
		assertThat(uids(this.dicom.get("/v2/studies?limit=1"), "0020000D")).containsExactly(this.studies.get(1));
		assertThat(uids(this.dicom.get("/v2/studies?limit=1&offset=1"), "0020000D"))
			.containsExactly(this.studies.get(0));
		JsonNode computed = this.dicom
			.get("/v2/studies?PatientID=SBX-0002&includefield=ModalitiesInStudy,NumberOfStudyRelatedInstances,StudyTime")
			.json()
			.get(0);
		assertThat(computed.path("00080061").path("Value").get(0).asText()).isEqualTo("MR");
		assertThat(computed.path("00201208").path("Value").get(0).asInt()).isEqualTo(3);
		assertThat(computed.path("00080030").path("Value").get(0).asText()).isEqualTo("141500");
		JsonNode all = this.dicom.get("/v2/studies?PatientID=SBX-0001&includefield=all").json().get(0);
		assertThat(keys(all)).contains("00080005", "00080030", "00081030", "00101010");
	}

	@Test
	void noMatchIsNoContent() {
		SandboxHttp.Response response = this.dicom.get("/v2/studies?PatientID=NOBODY");

		assertThat(response.status()).isEqualTo(204);
		assertThat(response.text()).isEmpty();
		assertThat(this.dicom.get("/v2/studies?limit=1&offset=2").status()).isEqualTo(204);
	}

	@Test
	void badSearchesGetTheServersTexts() {
		assertText(this.dicom.get("/v2/studies?limit=201"), 400,
				"The query parameter 'Limit' is invalid. The field Limit must be between 1 and 200.");
		assertText(this.dicom.get("/v2/studies?limit=0"), 400,
				"The query parameter 'Limit' is invalid. The field Limit must be between 1 and 200.");
		assertText(this.dicom.get("/v2/studies?limit=ten"), 400,
				"The query parameter 'Limit' is invalid. The value 'ten' is not valid for Limit.");
		assertText(this.dicom.get("/v2/studies?offset=-1"), 400, "The query parameter 'Offset' is invalid. The field "
				+ "Offset must be between 0 and 9.223372036854776E+18.");
		assertText(this.dicom.get("/v2/studies?Modality=CT"), 400, "Invalid query: AttributeId Modality is not "
				+ "queryable.  If the parameter is an attribute keyword, check the casing as they are case-sensitive. "
				+ "The conformance statement has a list of supported query parameters, attributes and the levels.");
		assertText(this.dicom.get("/v2/studies?patientid=SBX-0001"), 400, "Invalid query: unknown query parameter "
				+ "'patientid'. If the parameter is an attribute keyword, check the casing as they are case-sensitive. "
				+ "The conformance statement has a list of supported query parameters, attributes and the levels.");
		assertText(this.dicom.get("/v2/studies?StudyDate=2024-01-15"), 400, "Invalid query: specified Date value "
				+ "'2024-01-15' is invalid for attribute 'StudyDate'. Date should be valid and formatted as yyyyMMdd.");
		assertText(this.dicom.get("/v2/studies?includefield=all,PatientAge"), 400,
				"Invalid query: cannot specify included fields in addition to 'all'.");
		assertText(this.dicom.get("/v2/studies/not-a-uid/series"), 400, "Dicom element 'StudyInstanceUid' failed "
				+ "validation for VR 'UI': DICOM Identifier is invalid. Value length should not exceed the maximum "
				+ "length of 64 characters. Value should contain characters in '0'-'9' and '.'. Each component must "
				+ "start with non-zero number.");
	}

	@Test
	void searchAndMetadataNeedAnAcceptHeaderForDicomJson() {
		assertThat(this.dicom.getWithoutAccept("/v2/studies").status()).isEqualTo(406);
		assertThat(this.dicom.send("/v2/studies", "GET", null, "application/dicom", null).status()).isEqualTo(406);
		assertThat(this.dicom.send("/v2/studies", "GET", null, "*/*", null).status()).isEqualTo(200);
		assertThat(this.dicom.send("/v2/studies", "GET", null, "application/json", null).status()).isEqualTo(200);
		assertThat(this.dicom.getWithoutAccept("/v2/studies/" + this.studies.get(0) + "/metadata").status())
			.isEqualTo(406);
		assertThat(this.dicom.getWithoutAccept("/v2/changefeed").status()).isEqualTo(200);
	}

	@Test
	void metadataOfAStudyASeriesAndAnInstance() {
		JsonNode study = this.dicom.get("/v2/studies/" + this.studies.get(0) + "/metadata").json();
		assertThat(study).hasSize(2);
		assertThat(study.get(0).path("00100010").path("Value").get(0).path("Alphabetic").asText())
			.isEqualTo("Doe^Jane");
		String series = study.get(0).path("0020000E").path("Value").get(0).asText();
		String instance = study.get(1).path("00080018").path("Value").get(0).asText();
		assertThat(this.dicom.get("/v2/studies/" + this.studies.get(0) + "/series/" + series + "/metadata").json())
			.hasSize(2);
		JsonNode one = this.dicom
			.get("/v2/studies/" + this.studies.get(0) + "/series/" + series + "/instances/" + instance + "/metadata")
			.json();
		assertThat(one).hasSize(1);
		assertThat(one.get(0).path("00200013").path("Value").get(0).asInt()).isEqualTo(2);
		assertText(this.dicom.get("/v2/studies/1.2.3/metadata"), 404, "The specified study cannot be found.");
		assertText(this.dicom.get("/v2/studies/" + this.studies.get(0) + "/series/1.2.3/metadata"), 404,
				"The specified series cannot be found.");
	}

	@Test
	void changeFeedV1PagesBySequenceNumber() {
		SandboxHttp.Response response = this.dicom.get("/v1/changefeed");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode feed = response.json();
		assertThat(feed).hasSize(5);
		JsonNode first = feed.get(0);
		assertThat(keys(first)).containsExactly("sequence", "partitionName", "studyInstanceUid", "seriesInstanceUid",
				"sopInstanceUid", "action", "timestamp", "state", "metadata");
		assertThat(first.path("sequence").asLong()).isEqualTo(1);
		assertThat(first.path("studyInstanceUid").asText()).isEqualTo(this.studies.get(0));
		assertThat(first.path("action").asText()).isEqualTo("Create");
		assertThat(first.path("state").asText()).isEqualTo("Current");
		assertThat(first.path("timestamp").asText()).isEqualTo("2024-01-15T09:40:00+00:00");
		assertThat(first.path("metadata").path("0020000D").path("Value").get(0).asText())
			.isEqualTo(this.studies.get(0));
		assertThat(sequences(this.dicom.get("/v1/changefeed?offset=2&limit=2"))).containsExactly(3L, 4L);
		assertThat(sequences(this.dicom.get("/v1/changefeed?offset=5"))).isEmpty();
		assertThat(this.dicom.get("/v1/changefeed?includeMetadata=false").json().get(0).has("metadata")).isFalse();
		// v1 has no time window: the parameters are not its own and are ignored.
		assertThat(sequences(this.dicom.get("/v1/changefeed?startTime=2024-03-01"))).hasSize(5);
		assertText(this.dicom.get("/v1/changefeed?limit=101"), 400,
				"The query parameter 'limit' is invalid. The field limit must be between 1 and 100.");
		assertText(this.dicom.get("/v1/changefeed?offset=x"), 400,
				"The query parameter 'offset' is invalid. The value 'x' is not valid for offset.");
	}

	@Test
	void changeFeedV2PagesByTimeWindowAndSkipCount() {
		assertThat(sequences(this.dicom.get("/v2/changefeed"))).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(sequences(this.dicom.get("/v2/changefeed?startTime=2024-03-01T00:00:00Z"))).containsExactly(3L,
				4L, 5L);
		assertThat(sequences(this.dicom
			.get("/v2/changefeed?startTime=2024-01-01T00:00:00Z&endTime=2024-03-02T14:30:01Z"))).containsExactly(1L,
					2L, 3L);
		assertThat(sequences(this.dicom.get("/v2/changefeed?offset=3&limit=1"))).containsExactly(4L);
		assertThat(sequences(this.dicom.get("/v2/changefeed?startTime=2025-01-01T00:00:00Z"))).isEmpty();
		assertText(this.dicom.get("/v2/changefeed?startTime=2024-03-01T00:00:00"), 400,
				"The query parameter 'StartTime' is invalid. Date and time value must specify a time zone.");
		assertText(this.dicom.get("/v2/changefeed?limit=201"), 400,
				"The query parameter 'Limit' is invalid. The field Limit must be between 1 and 200.");
		assertText(this.dicom.get("/v2/changefeed?startTime=2024-03-01T00:00:00Z&endTime=2024-01-01T00:00:00Z"), 400,
				"The query parameter '' is invalid. The start time '2024-03-01T00:00:00.0000000+00:00' must occur "
						+ "strictly before the end time '2024-01-01T00:00:00.0000000+00:00'.");
		// v1's limit bound does not apply to v2.
		assertThat(sequences(this.dicom.get("/v2/changefeed?limit=150"))).hasSize(5);
	}

	@Test
	void latestChangeIsTheNewestEntry() {
		JsonNode latest = this.dicom.get("/v2/changefeed/latest").json();
		assertThat(latest.path("sequence").asLong()).isEqualTo(5);
		assertThat(latest.path("studyInstanceUid").asText()).isEqualTo(this.studies.get(1));
		assertThat(this.dicom.get("/v1/changefeed/latest?includeMetadata=false").json().has("metadata")).isFalse();
	}

	static void assertText(SandboxHttp.Response response, int status, String text) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.text()).isEqualTo(text);
		assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
	}

	static List<String> keys(JsonNode object) {
		List<String> keys = new ArrayList<>();
		Iterator<String> names = object.fieldNames();
		names.forEachRemaining(keys::add);
		return keys;
	}

	private static List<String> uids(SandboxHttp.Response response, String tag) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		List<String> uids = new ArrayList<>();
		response.json().forEach((result) -> uids.add(result.path(tag).path("Value").get(0).asText()));
		return uids;
	}

	private static List<Long> sequences(SandboxHttp.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		List<Long> sequences = new ArrayList<>();
		response.json().forEach((entry) -> sequences.add(entry.path("sequence").asLong()));
		return sequences;
	}

}
