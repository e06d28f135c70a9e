package org.followthrough;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port with its real database (in-memory H2, or PostgreSQL when
 * SPRING_DATASOURCE_URL says so, in a schema of the context's own) and a {@link TestClock}. Every
 * test class that uses it and sets no property of its own shares one context, so tests create their
 * own data and never assume an empty table.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = OwnSchemaPerContext.class)
@Import({TestClock.Configuration.class, Given.class})
public @interface ApplicationTest {}
