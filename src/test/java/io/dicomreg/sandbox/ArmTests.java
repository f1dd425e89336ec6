package io.dicomreg.sandbox;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dicomreg.sandbox.directory.ResourceGroup;

import static io.dicomreg.sandbox.ArmFixture.HEALTHCARE_API;
import static io.dicomreg.sandbox.ArmFixture.RESOURCES_API;
import static io.dicomreg.sandbox.ArmFixture.assertArmError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Azure Resource Manager's authentication, api-versions, headers, subscriptions, tenants, workspaces and DICOM
 * services, over HTTPS with tokens from MSAL4J.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArmTests {

	private Sandbox server;

	private ArmFixture arm;

	private SandboxHttp http;

	@BeforeAll
	void setUp(Sandbox server) {
		this.server = server;
		this.arm = new ArmFixture(server);
		this.http = this.arm.http();
	}

	@Test
	void requestWithoutATokenGetsArmsChallenge() {
		SandboxHttp.Response response = this.http.get("/subscriptions?" + RESOURCES_API, null);
		assertArmError(response, 401, "AuthenticationFailed",
				"Authentication failed. The 'Authorization' header is missing.");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer authorization_uri=\""
				+ this.server.authorityHost() + "/\", error=\"invalid_token\", error_description=\"The authentication "
				+ "failed because of missing 'Authorization' header.\"");
	}

	@Test
	void authorizationThatIsNotABearerTokenIsRefused() {
		SandboxHttp.Response response = this.http.send(this.http.builder("/subscriptions?" + RESOURCES_API, null)
			.header("Authorization", "Basic YWRtaW46YWRtaW4="));
		assertArmError(response, 401, "AuthenticationFailedInvalidHeader",
				"Authentication failed. The 'Authorization' header is provided in an invalid format.");
	}

	@Test
	void tokenThatIsNotAJwtIsInvalid() {
		SandboxHttp.Response response = this.http.get("/subscriptions?" + RESOURCES_API, "not-a-token");
		assertArmError(response, 401, "InvalidAuthenticationToken", "The access token is invalid.");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer authorization_uri=\"");
	}

	@Test
	void graphTokenIsForTheWrongAudience() {
		SandboxHttp.Response response = this.http.get("/subscriptions?" + RESOURCES_API,
				SandboxTokens.adminGraphToken(this.server));
		assertArmError(response, 401, "InvalidAuthenticationTokenAudience", "The access token has been obtained for "
				+ "wrong audience or resource 'https://graph.microsoft.com'. It should exactly match with one of the "
				+ "allowed audiences 'https://management.core.windows.net/','https://management.core.windows.net',"
				+ "'https://management.azure.com/','https://management.azure.com'.");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer authorization_uri=\""
				+ this.server.authorityHost() + "/" + this.server.tenantId() + "\", error=\"invalid_token\", "
				+ "error_description=\"" + response.errorMessage() + "\"");
	}

	@Test
	void tokenOfAnotherTenantIsFromTheWrongIssuer() {
		try (Sandbox other = Sandbox.start(null)) {
			String foreign = SandboxTokens.delegated(other, "https://management.azure.com/.default");
			SandboxHttp.Response response = this.http.get("/subscriptions?" + RESOURCES_API, foreign);
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.errorCode()).isEqualTo("InvalidAuthenticationTokenTenant");
			assertThat(response.errorMessage()).startsWith("The access token is from the wrong issuer 'https://sts"
					+ ".windows.net/" + other.tenantId() + "/'. It must match the tenant 'https://sts.windows.net/"
					+ this.server.tenantId() + "/' associated with this subscription.");
		}
	}

	@Test
	void expiredTokenIsRefusedWithBothTimes() {
		MutableClock clock = new MutableClock();
		try (Sandbox timed = Sandbox.start(null, clock)) {
			String token = SandboxTokens.delegated(timed, "https://management.azure.com/.default");
			clock.advance(Duration.ofHours(2));
			SandboxHttp.Response response = new SandboxHttp(timed).get("/subscriptions?" + RESOURCES_API, token);
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.errorCode()).isEqualTo("ExpiredAuthenticationToken");
			assertThat(response.errorMessage()).matches("The access token expiry UTC time '\\d+/\\d+/\\d{4} "
					+ "\\d+:\\d\\d:\\d\\d [AP]M' is earlier than current UTC time '\\d+/\\d+/\\d{4} \\d+:\\d\\d:\\d\\d "
					+ "[AP]M'\\.");
		}
	}

	@Test
	void everyAnswerCarriesArmsRequestIdsAndEchoesTheCorrelationId() {
		SandboxHttp.Response response = this.http.send(this.http
			.builder("/subscriptions?" + RESOURCES_API, this.arm.adminToken())
			.header("x-ms-correlation-request-id", "3f1c2b7e-0000-4000-8000-000000000001"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("x-ms-request-id")).matches("[0-9a-f-]{36}");
		assertThat(response.header("x-ms-correlation-request-id")).isEqualTo("3f1c2b7e-0000-4000-8000-000000000001");
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(this.http.get("/subscriptions?" + RESOURCES_API, null).header("x-ms-correlation-request-id"))
			.matches("[0-9a-f-]{36}");
	}

	@Test
	void apiVersionIsRequiredAndCheckedPerResourceType() {
		assertArmError(this.arm.get("/subscriptions"), 400, "MissingApiVersionParameter",
				"The api-version query parameter (?api-version=) is required for all requests.");
		assertArmError(this.arm.get("/subscriptions?api-version=2016-06-01"), 400, "InvalidApiVersionParameter",
				"The api-version '2016-06-01' is invalid. The supported versions are '2022-12-01'.");
		assertArmError(this.arm.get(this.arm.subscriptionScope()
				+ "/providers/Microsoft.Authorization/roleAssignments?api-version=2015-07-01"), 400, "InvalidResourceType",
				"The resource type 'roleAssignments' could not be found in the namespace 'Microsoft.Authorization' for "
						+ "api version '2015-07-01'. The supported api-versions are '2020-04-01-preview,2022-04-01'.");
		assertArmError(this.arm.get(this.arm.dicomScope() + "?api-version=2022-12-01"), 400,
				"NoRegisteredProviderFound", "No registered resource provider found for location 'westus2' and API "
						+ "version '2022-12-01' for type 'workspaces/dicomservices'. The supported api-versions are "
						+ "'2024-03-31'. The supported locations are 'westus2'.");
	}

	@Test
	void pathsTheSandboxDoesNotEmulateAndOtherMethodsAreRefused() {
		assertArmError(this.arm.get(this.arm.resourceGroupScope() + "?api-version=2021-04-01"), 404, "NotEmulated",
				"The sandbox does not emulate GET " + this.arm.resourceGroupScope() + " of Azure Resource Manager; see "
						+ "docs/sandbox.md, \"Azure Resource Manager\".");
		SandboxHttp.Response delete = this.http.delete(this.arm.dicomScope() + "?" + HEALTHCARE_API,
				this.arm.adminToken());
		assertArmError(delete, 405, "MethodNotAllowed", "The requested resource does not support http method 'DELETE'.");
	}

	@Test
	void administratorSeesTheProvisionedSubscriptionAndTenant() {
		JsonNode subscriptions = this.arm.get("/subscriptions?" + RESOURCES_API).json();
		assertThat(subscriptions.path("value")).singleElement().satisfies((subscription) -> {
			assertThat(subscription.path("id").asText()).isEqualTo(this.arm.subscriptionScope());
			assertThat(subscription.path("subscriptionId").asText()).isEqualTo(this.arm.subscriptionId());
			assertThat(subscription.path("tenantId").asText()).isEqualTo(this.server.tenantId());
			assertThat(subscription.path("displayName").asText()).isEqualTo("Sandbox Subscription");
			assertThat(subscription.path("state").asText()).isEqualTo("Enabled");
			assertThat(subscription.path("authorizationSource").asText()).isEqualTo("RoleBased");
		});
		assertThat(subscriptions.has("nextLink")).isFalse();
		JsonNode subscription = this.arm.get(this.arm.subscriptionScope() + "?" + RESOURCES_API).json();
		assertThat(subscription.path("displayName").asText()).isEqualTo("Sandbox Subscription");
		JsonNode tenants = this.arm.get("/tenants?" + RESOURCES_API).json();
		assertThat(tenants.path("value")).singleElement().satisfies((tenant) -> {
			assertThat(tenant.path("id").asText()).isEqualTo("/tenants/" + this.server.tenantId());
			assertThat(tenant.path("defaultDomain").asText()).isEqualTo("contoso.onmicrosoft.com");
			assertThat(tenant.path("tenantCategory").asText()).isEqualTo("Home");
		});
	}

	@Test
	void unknownAndMalformedSubscriptionsAreRefused() {
		String unknown = "00000000-0000-0000-0000-000000000001";
		assertArmError(this.arm.get("/subscriptions/" + unknown + "?" + RESOURCES_API), 404, "SubscriptionNotFound",
				"The subscription '" + unknown + "' could not be found.");
		assertArmError(this.arm.get("/subscriptions/" + unknown + "/providers/Microsoft.HealthcareApis/workspaces?"
				+ HEALTHCARE_API), 404, "SubscriptionNotFound", "The subscription '" + unknown + "' could not be found.");
		assertArmError(this.arm.get("/subscriptions/not-a-guid/providers/Microsoft.HealthcareApis/workspaces?"
				+ HEALTHCARE_API), 400, "InvalidSubscriptionId",
				"The provided subscription identifier 'not-a-guid' is malformed or invalid.");
	}

	@Test
	void workspacesAreListedBySubscriptionAndResourceGroup() {
		JsonNode bySubscription = this.arm.get(this.arm.subscriptionScope()
				+ "/providers/Microsoft.HealthcareApis/workspaces?" + HEALTHCARE_API).json();
		JsonNode byGroup = this.arm.get(this.arm.resourceGroupScope()
				+ "/providers/Microsoft.HealthcareApis/workspaces?" + HEALTHCARE_API).json();
		assertThat(bySubscription).isEqualTo(byGroup);
		assertThat(byGroup.path("value")).singleElement().satisfies((workspace) -> {
			assertThat(workspace.path("name").asText()).isEqualTo("contosohealth");
			assertThat(workspace.path("id").asText()).isEqualTo(this.arm.workspaceScope());
			assertThat(workspace.path("type").asText()).isEqualTo("Microsoft.HealthcareApis/workspaces");
			assertThat(workspace.path("location").asText()).isEqualTo("westus2");
			assertThat(workspace.path("etag").asText()).startsWith("\"").endsWith("\"");
			assertThat(workspace.path("properties").path("provisioningState").asText()).isEqualTo("Succeeded");
		});
		assertThat(this.arm.get(this.arm.workspaceScope() + "?" + HEALTHCARE_API).json())
			.isEqualTo(byGroup.path("value").get(0));
	}

	@Test
	void dicomServiceIsServedAtALoopbackUrlOfThisSandbox() {
		JsonNode list = this.arm.get(this.arm.workspaceScope() + "/dicomservices?" + HEALTHCARE_API).json();
		JsonNode service = this.arm.get(this.arm.dicomScope() + "?" + HEALTHCARE_API).json();
		assertThat(list.path("value")).containsExactly(service);
		assertThat(service.path("name").asText()).isEqualTo("dicom1");
		assertThat(service.path("id").asText()).isEqualTo(this.arm.dicomScope());
		assertThat(service.path("type").asText()).isEqualTo("Microsoft.HealthcareApis/workspaces/dicomservices");
		JsonNode properties = service.path("properties");
		assertThat(properties.path("provisioningState").asText()).isEqualTo("Succeeded");
		assertThat(properties.path("serviceUrl").asText())
			.isEqualTo(this.server.authorityHost() + "/dicom/contosohealth-dicom1");
		assertThat(properties.path("authenticationConfiguration").path("authority").asText())
			.isEqualTo(this.server.authorityHost() + "/" + this.server.tenantId());
		assertThat(properties.path("authenticationConfiguration").path("audiences")).extracting(JsonNode::asText)
			.containsExactly("https://dicom.healthcareapis.azure.com");
		assertThat(properties.path("eventState").asText()).isEqualTo("Disabled");
	}

	@Test
	void namesInPathsCompareIgnoringCase() {
		String shouted = this.arm.dicomScope().replace("resourceGroups/dicom-rg", "RESOURCEGROUPS/DICOM-RG")
			.replace("dicomservices", "dicomServices");
		assertThat(this.arm.get(shouted + "?" + HEALTHCARE_API).json().path("id").asText())
			.isEqualTo(this.arm.dicomScope());
	}

	@Test
	void missingResourceGroupWorkspaceAndDicomServiceAreNotFound() {
		String group = this.arm.subscriptionScope() + "/resourceGroups/nope";
		assertArmError(this.arm.get(group + "/providers/Microsoft.HealthcareApis/workspaces?" + HEALTHCARE_API), 404,
				"ResourceGroupNotFound", "Resource group 'nope' could not be found.");
		assertArmError(this.arm.get(this.arm.resourceGroupScope() + "/providers/Microsoft.HealthcareApis/workspaces/"
				+ "nope?" + HEALTHCARE_API), 404, "ResourceNotFound", "The Resource 'Microsoft.HealthcareApis/workspaces/"
						+ "nope' under resource group 'dicom-rg' was not found. For more details please go to "
						+ "https://aka.ms/ARMResourceNotFoundFix");
		assertArmError(this.arm.get(this.arm.workspaceScope() + "/dicomservices/nope?" + HEALTHCARE_API), 404,
				"ResourceNotFound", "The Resource 'Microsoft.HealthcareApis/workspaces/contosohealth/dicomservices/nope' "
						+ "under resource group 'dicom-rg' was not found. For more details please go to "
						+ "https://aka.ms/ARMResourceNotFoundFix");
	}

	@Test
	void servicePrincipalWithoutARoleSeesNothingAndMayReadNothing() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("no role");
		String token = daemon.armToken();
		assertThat(this.http.get("/subscriptions?" + RESOURCES_API, token).json().path("value")).isEmpty();
		assertArmError(this.http.get(this.arm.subscriptionScope() + "?" + RESOURCES_API, token), 404,
				"SubscriptionNotFound", "The subscription '" + this.arm.subscriptionId() + "' could not be found.");
		assertArmError(this.http.get(this.arm.dicomScope() + "?" + HEALTHCARE_API, token), 403, "AuthorizationFailed",
				"The client '" + daemon.appId() + "' with object id '" + daemon.servicePrincipalId() + "' does not have "
						+ "authorization to perform action 'Microsoft.HealthcareApis/workspaces/dicomservices/read' over "
						+ "scope '" + this.arm.dicomScope() + "' or the scope is invalid. If access was recently granted, "
						+ "please refresh your credentials.");
		String list = this.arm.subscriptionScope() + "/providers/Microsoft.HealthcareApis/workspaces";
		assertArmError(this.http.get(list + "?" + HEALTHCARE_API, token), 403, "AuthorizationFailed",
				"The client '" + daemon.appId() + "' with object id '" + daemon.servicePrincipalId() + "' does not have "
						+ "authorization to perform action 'Microsoft.HealthcareApis/workspaces/read' over scope '" + list
						+ "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
	}

	@Test
	void readerOfAWorkspaceSeesItsSubscriptionAndOnlyThatWorkspace() {
		SandboxAzure azure = this.arm.azure();
		azure.addWorkspace(azure.addResourceGroup(this.arm.subscriptionId(), "reader-rg", "westus2"), "hidden");
		ArmFixture.Daemon daemon = this.arm.createDaemon("workspace reader");
		azure.assignRole(daemon.servicePrincipalId(), "ServicePrincipal", SandboxDirectory.READER_ROLE_ID,
				this.arm.workspaceScope());
		String token = daemon.armToken();
		assertThat(this.http.get("/subscriptions?" + RESOURCES_API, token).json().path("value"))
			.extracting((s) -> s.path("subscriptionId").asText()).containsExactly(this.arm.subscriptionId());
		assertThat(this.http.get(this.arm.subscriptionScope() + "/providers/Microsoft.HealthcareApis/workspaces?"
				+ HEALTHCARE_API, token).json().path("value")).extracting((w) -> w.path("name").asText())
			.containsExactly("contosohealth");
		assertThat(this.http.get(this.arm.dicomScope() + "?" + HEALTHCARE_API, token).status()).isEqualTo(200);
	}

	@Test
	void dicomDataRoleGivesNoRightToReadTheDicomServiceResource() {
		ArmFixture.Daemon daemon = this.arm.createDaemon("data only");
		this.arm.azure().assignRole(daemon.servicePrincipalId(), "ServicePrincipal",
				SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID, this.arm.dicomScope());
		String token = daemon.armToken();
		assertThat(this.http.get("/subscriptions?" + RESOURCES_API, token).json().path("value")).hasSize(1);
		assertThat(this.http.get(this.arm.dicomScope() + "?" + HEALTHCARE_API, token).status()).isEqualTo(403);
		assertThat(this.http.get(this.arm.workspaceScope() + "/dicomservices?" + HEALTHCARE_API, token).status())
			.isEqualTo(403);
	}

	@Test
	void longListsArePagedWithNextLink() {
		try (Sandbox own = Sandbox.start(null)) {
			ArmFixture paged = new ArmFixture(own);
			SandboxAzure azure = paged.azure();
			ResourceGroup group = azure.addResourceGroup(paged.subscriptionId(), "paged-rg", "westus2");
			for (int i = 0; i < 45; i++) {
				azure.addWorkspace(group, String.format("paged%02d", i));
			}
			String next = group.id() + "/providers/Microsoft.HealthcareApis/workspaces?" + HEALTHCARE_API;
			List<String> names = new ArrayList<>();
			int pages = 0;
			while (next != null) {
				JsonNode page = paged.get(next).json();
				page.path("value").forEach((workspace) -> names.add(workspace.path("name").asText()));
				next = page.has("nextLink") ? page.path("nextLink").asText() : null;
				if (next != null) {
					assertThat(next).startsWith(own.resourceManagerEndpoint() + group.id()).contains(HEALTHCARE_API)
						.contains("$skipToken=");
				}
				pages++;
			}
			assertThat(pages).isEqualTo(3);
			assertThat(names).hasSize(45).doesNotHaveDuplicates().startsWith("paged00").endsWith("paged44");
			assertArmError(paged.get("/subscriptions?" + RESOURCES_API + "&$skipToken=bm9wZQ"), 400,
					"InvalidSkipToken", "The skip token 'bm9wZQ' is invalid.");
		}
	}

	@Test
	void injectedThrottlingIsAnsweredInArmsFormat() {
		SandboxInspector.of(this.server).injectFaults("GET /subscriptions 429 times=1 retry-after=7");
		SandboxHttp.Response throttled = this.arm.get("/subscriptions?" + RESOURCES_API);
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.errorCode()).isEqualTo("TooManyRequests");
		assertThat(throttled.header("Retry-After")).isEqualTo("7");
		assertThat(throttled.header("x-ms-request-id")).isNotBlank();
		assertThat(this.arm.get("/subscriptions?" + RESOURCES_API).status()).isEqualTo(200);
	}

	@Test
	void requestsReachArmByPathOnTheSameHost() {
		HttpRequest.Builder request = this.http.builder(this.server.resourceManagerEndpoint() + "/tenants?"
				+ RESOURCES_API, this.arm.adminToken());
		assertThat(this.server.resourceManagerEndpoint()).isEqualTo(this.server.graphEndpoint());
		assertThat(this.http.send(request).status()).isEqualTo(200);
	}

}
