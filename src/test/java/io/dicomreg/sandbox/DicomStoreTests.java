package io.dicomreg.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.sandbox.directory.DicomService;
import io.dicomreg.sandbox.directory.HealthcareWorkspace;

import static io.dicomreg.sandbox.DicomWebTests.assertText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store transaction (STOW-RS) as a DICOM Data Owner: the server's DICOM JSON answer and statuses (200, 202, 409,
 * 415, 406), stored instances joining search, metadata and the change feed, marked as DICOM writes, and kept in the
 * state file across restarts. Each test stores into a DICOM service of its own.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DicomStoreTests {

	private static final String MULTIPART = "multipart/related; type=\"application/dicom\"; boundary=";

	private Sandbox server;

	private HealthcareWorkspace workspace;

	private String token;

	@BeforeAll
	void setUp(Sandbox server) {
		this.server = server;
		ArmFixture arm = new ArmFixture(server);
		SandboxAzure azure = SandboxInspector.of(server).azure();
		this.workspace = azure.addWorkspace(azure.addResourceGroup(azure.subscriptionId(), "store-rg", "westus2"),
				"storetests");
		ArmFixture.Daemon owner = arm.createDaemon("dicom uploader");
		azure.assignRole(owner.servicePrincipalId(), "ServicePrincipal", SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				this.workspace.id());
		this.token = DicomTokens.application(server, owner.appId(), owner.secret());
	}

	@Test
	void storedInstanceJoinsSearchMetadataAndTheChangeFeed() {
		DicomWebClient dicom = client("stored");
		String study = DicomFiles.newUid();
		String series = DicomFiles.newUid();
		String instance = DicomFiles.newUid();
		String boundary = "b" + UUID.randomUUID();

		SandboxHttp.Response response = dicom.store("/v2/studies", MULTIPART + boundary,
				DicomFiles.multipart(boundary, DicomFiles.part10(study, series, instance, "STOW-1", "Müller^Anna")));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/dicom+json");
		JsonNode body = response.json();
		assertThat(DicomWebTests.keys(body)).containsExactly("00081199");
		JsonNode item = body.path("00081199").path("Value").get(0);
		assertThat(item.path("00081150").path("Value").get(0).asText()).isEqualTo(DicomFiles.SECONDARY_CAPTURE);
		assertThat(item.path("00081155").path("Value").get(0).asText()).isEqualTo(instance);
		assertThat(item.path("00081190").path("vr").asText()).isEqualTo("UR");
		assertThat(item.path("00081190").path("Value").get(0).asText()).isEqualTo(serviceUrl("stored") + "/v2/studies/"
				+ study + "/series/" + series + "/instances/" + instance);

		JsonNode found = dicom.get("/v2/studies?PatientID=STOW-1").json();
		assertThat(found).hasSize(1);
		assertThat(found.get(0).path("00100010").path("Value").get(0).path("Alphabetic").asText())
			.isEqualTo("Müller^Anna");
		JsonNode metadata = dicom.get("/v2/studies/" + study + "/metadata").json().get(0);
		assertThat(metadata.path("00280010").path("Value").get(0).asInt()).isEqualTo(2);
		assertThat(metadata.has("7FE00010")).isFalse();
		assertThat(metadata.has("00081140")).isFalse();
		JsonNode latest = dicom.get("/v1/changefeed/latest").json();
		assertThat(latest.path("sequence").asLong()).isEqualTo(6);
		assertThat(latest.path("sopInstanceUid").asText()).isEqualTo(instance);
		assertThat(SandboxInspector.of(this.server).requests())
			.anyMatch((r) -> r.method().equals("POST") && r.path().endsWith("/dicom/storetests-stored/v2/studies")
					&& r.dicomWrite() && !r.armWrite() && !r.graphWrite());
	}

	@Test
	void storingAgainIsAConflictAndAnUnreadablePartFailsAlone() {
		DicomWebClient dicom = client("again");
		byte[] file = DicomFiles.part10(DicomFiles.newUid(), DicomFiles.newUid(), DicomFiles.newUid(), "P", "A^B");
		assertThat(dicom.store("/v2/studies", "application/dicom", file).status()).isEqualTo(200);

		SandboxHttp.Response again = dicom.store("/v2/studies", "application/dicom", file);
		assertThat(again.status()).isEqualTo(409);
		JsonNode failed = again.json().path("00081198").path("Value").get(0);
		assertThat(failed.path("00081197").path("vr").asText()).isEqualTo("US");
		assertThat(failed.path("00081197").path("Value").get(0).asInt()).isEqualTo(45070);

		String boundary = "mixed";
		SandboxHttp.Response partial = dicom.store("/v2/studies", MULTIPART + boundary,
				DicomFiles.multipart(boundary, DicomFiles.part10(DicomFiles.newUid(), DicomFiles.newUid(),
						DicomFiles.newUid(), "P", "C^D"), "not dicom".getBytes(StandardCharsets.US_ASCII)));
		assertThat(partial.status()).isEqualTo(202);
		assertThat(partial.json().path("00081199").path("Value")).hasSize(1);
		assertThat(partial.json().path("00081198").path("Value").get(0).path("00081197").path("Value").get(0).asInt())
			.isEqualTo(272);
	}

	@Test
	void theStudyOfTheUrlMustBeTheInstances() {
		DicomWebClient dicom = client("bystudy");
		String study = DicomFiles.newUid();
		byte[] file = DicomFiles.part10(study, DicomFiles.newUid(), DicomFiles.newUid(), "P", "E^F");

		SandboxHttp.Response other = dicom.store("/v2/studies/" + DicomFiles.newUid(), "application/dicom", file);
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.json().path("00081198").path("Value").get(0).path("00081197").path("Value").get(0).asInt())
			.isEqualTo(43264);
		SandboxHttp.Response same = dicom.store("/v1/studies/" + study, "application/dicom", file);
		assertThat(same.status()).isEqualTo(200);
		assertThat(same.json().path("00081190").path("Value").get(0).asText())
			.isEqualTo(serviceUrl("bystudy") + "/v1/studies/" + study);
	}

	@Test
	void mediaTypesAndAcceptAreChecked() {
		DicomWebClient dicom = client("types");
		byte[] file = DicomFiles.part10(DicomFiles.newUid(), DicomFiles.newUid(), DicomFiles.newUid(), "P", "G^H");

		assertText(dicom.store("/v2/studies", "multipart/related; type=\"application/octet-stream\"; boundary=x",
				DicomFiles.multipart("x", file)), 415,
				"The specified content type 'application/octet-stream' is not supported.");
		assertThat(dicom.send("/v2/studies", "POST", "application/dicom", null, file).status()).isEqualTo(406);
		assertThat(dicom.store("/v2/studies", MULTIPART + "empty", "--empty--\r\n".getBytes(StandardCharsets.US_ASCII))
			.status()).isEqualTo(204);
		assertThat(SandboxInspector.of(this.server).dicom().storedInstances())
			.noneMatch((stored) -> stored.serviceId().endsWith("/types"));
	}

	@Test
	void storedInstancesAndSeededStudiesOutliveARestart(@TempDir Path directory) throws Exception {
		Path stateFile = directory.resolve("tenant.json");
		Path log = directory.resolve("sandbox.log");
		String instance = DicomFiles.newUid();
		List<String> seeded;
		try (Sandbox first = Sandbox.start(stateFile, Clock.systemUTC(), log)) {
			ArmFixture.Daemon owner = new ArmFixture(first).createDaemon("persistent uploader");
			SandboxDicom dicom = SandboxInspector.of(first).dicom();
			dicom.assignDataOwner(owner.servicePrincipalId(), "ServicePrincipal");
			seeded = dicom.studyInstanceUids();
			DicomWebClient client = new DicomWebClient(first, dicom.serviceUrl(),
					DicomTokens.application(first, owner.appId(), owner.secret()));
			assertThat(client.store("/v2/studies", "application/dicom", DicomFiles.part10(DicomFiles.newUid(),
					DicomFiles.newUid(), instance, "KEPT", "I^J")).status()).isEqualTo(200);
			try (Sandbox second = Sandbox.start(stateFile)) {
				SandboxDicom again = SandboxInspector.of(second).dicom();
				assertThat(again.studyInstanceUids()).isEqualTo(seeded);
				assertThat(again.storedInstances()).hasSize(1);
				String token = DicomTokens.application(second, owner.appId(), owner.secret());
				JsonNode latest = new DicomWebClient(second, again.serviceUrl(), token).get("/v2/changefeed/latest")
					.json();
				assertThat(latest.path("sopInstanceUid").asText()).isEqualTo(instance);
				assertThat(latest.path("sequence").asLong()).isEqualTo(6);
			}
		}
		assertThat(Files.readAllLines(log)).anyMatch((line) -> line.matches(
				"\\S+ POST /dicom/contosohealth-dicom1/v2/studies 200 dicom-write"));
		assertThat(seeded).hasSize(2).doesNotHaveDuplicates();
	}

	private DicomWebClient client(String serviceName) {
		SandboxAzure azure = SandboxInspector.of(this.server).azure();
		DicomService service = azure.dicomServices().stream()
			.filter((s) -> s.workspace().equals(this.workspace.name()) && s.name().equals(serviceName))
			.findFirst()
			.orElseGet(() -> azure.addDicomService(this.workspace, serviceName));
		return new DicomWebClient(this.server, azure.serviceUrl(service), this.token);
	}

	private String serviceUrl(String serviceName) {
		return this.server.authorityHost() + "/dicom/storetests-" + serviceName;
	}

}
