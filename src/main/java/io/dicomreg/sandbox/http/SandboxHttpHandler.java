package io.dicomreg.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Reads each exchange, answers an injected fault or hands it to the sign-in or Graph endpoints, records it, and
 * writes the response.
 */
public final class SandboxHttpHandler implements HttpHandler {

	private final Endpoints identity;

	private final Endpoints graph;

	private final FaultInjector faults;

	private final RequestLog log;

	public SandboxHttpHandler(Endpoints identity, Endpoints graph, FaultInjector faults, RequestLog log) {
		this.identity = identity;
		this.graph = graph;
		this.faults = faults;
		this.log = log;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			SandboxRequest request = read(exchange);
			SandboxResponse response = answer(request);
			this.log.record(request, response.status());
			write(exchange, response);
		}
	}

	private SandboxResponse answer(SandboxRequest request) {
		Endpoints endpoints = RequestLog.isGraph(request.path()) ? this.graph : this.identity;
		try {
			return this.faults.take(request)
				.map((fault) -> endpoints.fault(request, fault.status(), fault.retryAfter()))
				.orElseGet(() -> endpoints.handle(request));
		}
		catch (RuntimeException ex) {
			return endpoints.failure(request, ex);
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
