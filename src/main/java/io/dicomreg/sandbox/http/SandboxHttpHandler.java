package io.dicomreg.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Reads each exchange, answers an injected fault or hands it to the sign-in, Graph, Azure Resource Manager or
 * DICOMweb endpoints (by path), records it, and writes the response.
 */
public final class SandboxHttpHandler implements HttpHandler {

	/** The status recorded for a request whose connection a fault closed without an answer. */
	public static final int NO_ANSWER = 0;

	private final Endpoints identity;

	private final Endpoints graph;

	private final Endpoints arm;

	private final Endpoints dicom;

	private final FaultInjector faults;

	private final RequestLog log;

	private final Clock clock;

	public SandboxHttpHandler(Endpoints identity, Endpoints graph, Endpoints arm, Endpoints dicom,
			FaultInjector faults, RequestLog log, Clock clock) {
		this.identity = identity;
		this.graph = graph;
		this.arm = arm;
		this.dicom = dicom;
		this.faults = faults;
		this.log = log;
		this.clock = clock;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			SandboxRequest request = read(exchange);
			Optional<Fault> fault = this.faults.take(request, this.clock.instant());
			if (fault.isPresent() && fault.get().kind() == Fault.Kind.RESET) {
				// Closing the exchange before any answer closes the connection: the client sees it end.
				this.log.record(request, NO_ANSWER);
				return;
			}
			if (fault.isPresent() && fault.get().kind() == Fault.Kind.DELAY && !pause(fault.get())) {
				this.log.record(request, NO_ANSWER);
				return;
			}
			SandboxResponse response = answer(request, fault);
			this.faults.observe(response, this.clock.instant());
			this.log.record(request, response.status());
			if (fault.isPresent() && fault.get().kind() == Fault.Kind.KILL) {
				// Carried out and saved, never answered: what a client killed right after its request leaves behind.
				Runtime.getRuntime().halt(Fault.KILLED_STATUS);
			}
			write(exchange, response);
		}
	}

	private SandboxResponse answer(SandboxRequest request, Optional<Fault> fault) {
		Endpoints endpoints = RequestLog.isDicom(request.path()) ? this.dicom
				: RequestLog.isGraph(request.path()) ? this.graph
						: RequestLog.isArm(request.path()) ? this.arm : this.identity;
		try {
			if (fault.isPresent() && fault.get().kind() == Fault.Kind.STATUS) {
				return endpoints.fault(request, fault.get().status(), fault.get().retryAfter());
			}
			if (fault.isPresent() && fault.get().kind() == Fault.Kind.NOT_FOUND_FRESH) {
				return endpoints.fault(request, 404, null);
			}
			if (fault.isPresent() && fault.get().kind() == Fault.Kind.UNREPLICATED) {
				return endpoints.unreplicated(request);
			}
			return endpoints.handle(request);
		}
		catch (RuntimeException ex) {
			return endpoints.failure(request, ex);
		}
	}

	/** Waits out a delay fault (in real time); false when the sandbox is stopping meanwhile. */
	private static boolean pause(Fault delay) {
		try {
			Thread.sleep(delay.duration().toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static SandboxRequest read(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream input = exchange.getRequestBody()) {
			body = input.readAllBytes();
		}
		Map<String, String> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!values.isEmpty()) {
				headers.put(name, values.get(0));
			}
		});
		return SandboxRequest.of(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestURI().getRawQuery(), headers, body);
	}

	private static void write(HttpExchange exchange, SandboxResponse response) throws IOException {
		response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
		boolean empty = response.body().length == 0;
		exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
		if (!empty) {
			try (OutputStream output = exchange.getResponseBody()) {
				output.write(response.body());
			}
		}
	}

}
