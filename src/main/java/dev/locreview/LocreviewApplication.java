package dev.locreview;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LocreviewApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocreviewApplication.class, args);
    }
}
