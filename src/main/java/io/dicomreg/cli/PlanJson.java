package io.dicomreg.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A dry run's plan as JSON, for {@code --output json}: {@code {"dryRun": true, "wouldChange": [...]}}.
 */
final class PlanJson {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private PlanJson() {
	}

	static String of(List<String> planned) {
		Map<String, Object> plan = new LinkedHashMap<>();
		plan.put("dryRun", true);
		plan.put("changed", false);
		plan.put("wouldChange", planned);
		try {
			return JSON.writeValueAsString(plan);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
