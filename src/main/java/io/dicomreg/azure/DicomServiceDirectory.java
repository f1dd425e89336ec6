package io.dicomreg.azure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.dicomreg.config.CommandScope;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;
import io.dicomreg.error.TextRules;

/**
 * The DICOM services the signed-in account can see in Azure Resource Manager: subscriptions, then their Health Data
 * Services workspaces, then each workspace's DICOM services (ARM has no subscription-wide list of DICOM services).
 * Resolves what {@code --dicom} names: a resource id, a service URL or a name.
 */
public class DicomServiceDirectory {

	static final String SUBSCRIPTIONS_API = "2022-12-01";

	static final String HEALTHCARE_API = "2024-03-31";

	private static final Pattern RESOURCE_ID = Pattern.compile("/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/"
			+ "Microsoft\\.HealthcareApis/workspaces/([^/]+)/dicomservices/([^/?#]+)/?", Pattern.CASE_INSENSITIVE);

	private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

	private final ArmClient arm;

	/** The DICOM services listed during a script, by subscription ("" for all): dicomreg never changes them. */
	private final CommandScope.Memo<String, List<DicomService>> listed;

	/** A directory that asks ARM at every listing. */
	public DicomServiceDirectory(ArmClient arm) {
		this(arm, new CommandScope());
	}

	/** A directory that lists the DICOM services once across the lines of a script. */
	public DicomServiceDirectory(ArmClient arm, CommandScope scope) {
		this.arm = arm;
		this.listed = scope.scriptMemo();
	}

	/**
	 * The DICOM services of every subscription the account can see, or of one.
	 * @param subscription a subscription ID, or {@code null} for all
	 */
	public List<DicomService> list(String subscription) {
		if (subscription != null && !GUID.matcher(subscription.strip()).matches()) {
			throw DicomregException.invalidNaming(Subject.SUBSCRIPTION, Echo.quoted(subscription) + " given for {} is no "
					+ "subscription ID: that is a GUID (see 'dicom list' without it).");
		}
		String key = (subscription != null) ? subscription.strip().toLowerCase(Locale.ROOT) : "";
		List<DicomService> known = this.listed.get(key);
		if (known != null) {
			return known;
		}
		try {
			List<String> subscriptions = new ArrayList<>();
			if (subscription != null) {
				subscriptions.add(subscription.strip().toLowerCase(Locale.ROOT));
			}
			else {
				this.arm.list("/subscriptions?api-version=" + SUBSCRIPTIONS_API)
					.forEach(item -> subscriptions.add(item.path("subscriptionId").asText()));
			}
			List<DicomService> services = new ArrayList<>();
			for (String id : subscriptions) {
				for (JsonNode workspace : this.arm.list("/subscriptions/" + id
						+ "/providers/Microsoft.HealthcareApis/workspaces?api-version=" + HEALTHCARE_API)) {
					for (JsonNode service : this.arm.list(workspace.path("id").asText() + "/dicomservices?api-version="
							+ HEALTHCARE_API)) {
						services.add(toService(service));
					}
				}
			}
			List<DicomService> listed = List.copyOf(services);
			this.listed.put(key, listed);
			return listed;
		}
		catch (RuntimeException ex) {
			throw ArmClient.translate(ex, "Listing the DICOM services");
		}
	}

	/**
	 * The DICOM service {@code named}: its resource id, its service URL, or its name ({@code name} or
	 * {@code workspace/name}), found among those the account can see.
	 * @throws DicomregException (usage) when none or several match
	 */
	public DicomService resolve(String named) {
		if (named == null || named.isBlank()) {
			throw DicomregException.invalid(Subject.DICOM_SERVICE, " is required: give the DICOM service's name, service "
					+ "URL or resource id ('dicom list' shows them; Tab completes names).");
		}
		String value = named.strip();
		TextRules.requirePlainText(Subject.DICOM_SERVICE, value);
		Matcher id = RESOURCE_ID.matcher(value);
		if (id.matches()) {
			try {
				return this.arm.find(value + "?api-version=" + HEALTHCARE_API).map(DicomServiceDirectory::toService)
					.orElseThrow(() -> notFound(value, List.of()));
			}
			catch (ArmException ex) {
				throw ArmClient.translate(ex, "Reading the DICOM service");
			}
		}
		List<DicomService> all = list(null);
		List<DicomService> matches = all.stream().filter(service -> names(service, value)).toList();
		if (matches.size() == 1) {
			return matches.get(0);
		}
		if (matches.isEmpty()) {
			throw notFound(value, all);
		}
		throw DicomregException.invalidNaming(Subject.DICOM_SERVICE, matches.size() + " DICOM services match "
				+ Echo.quoted(value) + ": give {} as workspace/name or a resource id ("
				+ matches.stream().map(DicomService::id).collect(Collectors.joining(", ")) + ").");
	}

	/** Names of the DICOM services for completion ({@code workspace/name}), those starting with {@code prefix}. */
	public List<String> names(String prefix) {
		return list(null).stream()
			.flatMap(service -> List.of(service.name(), service.qualifiedName()).stream())
			.distinct()
			.filter(name -> name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))
			.toList();
	}

	private static boolean names(DicomService service, String value) {
		String lower = value.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
		return lower.equals(service.name().toLowerCase(Locale.ROOT))
				|| lower.equals(service.qualifiedName().toLowerCase(Locale.ROOT))
				|| (service.serviceUrl() != null
						&& lower.equals(service.serviceUrl().toLowerCase(Locale.ROOT).replaceAll("/+$", "")));
	}

	private static DicomregException notFound(String value, List<DicomService> all) {
		return DicomregException.invalidNaming(Subject.DICOM_SERVICE, "No DICOM service " + Echo.quoted(value)
				+ " that this account can see" + (all.isEmpty() ? "" : " (it sees " + all.stream()
					.map(DicomService::qualifiedName).limit(10).collect(Collectors.joining(", ")) + ")")
				+ ". Check {}: a name, workspace/name, service URL or resource id ('dicom list' shows them).");
	}

	static DicomService toService(JsonNode service) {
		String id = service.path("id").asText();
		Matcher matcher = RESOURCE_ID.matcher(id);
		String subscription = matcher.matches() ? matcher.group(1) : null;
		String group = matcher.matches() ? matcher.group(2) : null;
		String workspace = matcher.matches() ? matcher.group(3) : null;
		String name = service.path("name").asText();
		if (name.contains("/")) {
			name = name.substring(name.lastIndexOf('/') + 1);
		}
		JsonNode properties = service.path("properties");
		return new DicomService(name, workspace, group, subscription, id, properties.path("serviceUrl").asText(null),
				service.path("location").asText(null), properties.path("provisioningState").asText(null));
	}

}
