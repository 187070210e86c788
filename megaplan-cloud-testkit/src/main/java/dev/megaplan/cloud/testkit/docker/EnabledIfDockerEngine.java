package dev.megaplan.cloud.testkit.docker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class or method only where a real Docker engine answers and holds the test images
 * ({@link DockerEngine#runnerImage()}, {@link DockerEngine#baseImage()}); elsewhere JUnit reports
 * it skipped, with the reason and the command that fixes it. Tags it {@code docker}, so a build can
 * select or count these tests.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("docker")
@ExtendWith(DockerEngineCondition.class)
public @interface EnabledIfDockerEngine {}
