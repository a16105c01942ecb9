package org.calibra;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Calibra: trains and credentials clinicians in reading medical images with AI. */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "description", content = "Calibra — training and credentialing for reading images with AI")
public class CalibraApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(CalibraApplication.class, args);
    }
}
