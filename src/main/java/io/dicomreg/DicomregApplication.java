package io.dicomreg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the dicomreg shell.
 */
@SpringBootApplication
public class DicomregApplication {

	public static void main(String[] args) {
		SpringApplication.run(DicomregApplication.class, args);
	}

}
