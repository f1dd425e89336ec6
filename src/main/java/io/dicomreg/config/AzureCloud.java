package io.dicomreg.config;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;

/**
 * The Azure clouds dicomreg knows, with their sign-in and Microsoft Graph endpoints.
 */
public enum AzureCloud {

	AzureCloud("https://login.microsoftonline.com", "https://graph.microsoft.com"),

	AzureUSGovernment("https://login.microsoftonline.us", "https://graph.microsoft.us"),

	AzureChinaCloud("https://login.partner.microsoftonline.cn", "https://microsoftgraph.chinacloudapi.cn");

	private final URI authorityHost;

	private final URI graphEndpoint;

	AzureCloud(String authorityHost, String graphEndpoint) {
		this.authorityHost = URI.create(authorityHost);
		this.graphEndpoint = URI.create(graphEndpoint);
	}

	public URI authorityHost() {
		return this.authorityHost;
	}

	public URI graphEndpoint() {
		return this.graphEndpoint;
	}

	/**
	 * Parses the value of {@code --cloud}, ignoring case.
	 * @throws DicomregException (usage) for an unknown cloud name
	 */
	public static AzureCloud parse(String name) {
		return Arrays.stream(values())
			.filter(cloud -> cloud.name().equalsIgnoreCase(name.trim()))
			.findFirst()
			.orElseThrow(() -> DicomregException.invalidInput("Unknown cloud " + Echo.quoted(name) + " for --cloud: use "
					+ Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
	}

}
