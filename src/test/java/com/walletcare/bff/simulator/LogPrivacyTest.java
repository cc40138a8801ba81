package com.walletcare.bff.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.walletcare.bff.testing.ExpectedErrorLog;
import com.walletcare.bff.testing.GatewayTest;
import com.walletcare.bff.testing.TestLog;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * Drives searches, reads, verifications, an unlock and failures over the simulator's customers, then reads everything the service
 * logged: no phone, e-mail, name, birthday, address or token may appear, at the levels the service ships with.
 */
@QuarkusTest
class LogPrivacyTest extends GatewayTest {

    private static final List<String> SECRETS = List.of(
            "9991234444", "123-4444", "pauls_wallet@yahoo.com", "olivia_wallet_user", "Paul", "Casey", "Olivia",
            "07101969", "07/10/1969", "08281970", "Graceland", "Grove St", "Laguna", "test-partner-token", "Basic ", "Bearer ", "eyJ");

    /** Paul's zip, as a number of its own: five digits in a row also turn up inside request ids and timestamps. */
    private static final Pattern ZIP = Pattern.compile("(?<![0-9a-fA-F])92651(?![0-9a-fA-F])");

    @TestHTTPResource("/")
    URL self;

    @Inject
    GatewaySimulator simulator;

    @Test
    @ExtendWith(ExpectedErrorLog.class)
    void aFullSearchVerifyAndUnlockRunLogsNoPersonalDataAnswerOrToken() {
        simulator.reset();
        gateway.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(self.toString().replaceAll("/$", ""))));
        int before = TestLog.lines().size();

        client().body("{\"phone\": \"(999) 123-4444\"}").when().post("/customers/search").then().statusCode(200);
        client().body("{\"email\": \"pauls_wallet@yahoo.com\"}").when().post("/customers/search").then().statusCode(200);
        client().body("{\"firstName\": \"Paul\", \"lastName\": \"Casey\"}").when().post("/customers/search").then().statusCode(200);
        client().body("{\"firstName\": \"Paul\"}").when().post("/customers/search").then().statusCode(400);
        client().body("{\"phone\": \"9991234444\", \"pohne\": \"9991234444\"}").when().post("/customers/search").then().statusCode(400);
        client().body("{\"phone\": 9991234444 ").when().post("/customers/search").then().statusCode(400);
        client().when().get("/customers/vmiTxZcaSEym").then().statusCode(200);
        client().body("{\"birthday\": \"07/10/1969\", \"zip\": \"92651\"}").when()
                .post("/customers/vmiTxZcaSEym/verification").then().statusCode(200).body("verified", equalTo(true));
        client().body("{\"birthday\": \"07/10/1969\", \"zip\": \"92651\", \"phoneLast4\": \"1234\"}").when()
                .post("/customers/vmiTxZcaSEym/verification").then().statusCode(200).body("verified", equalTo(false));
        client().when().post("/customers/vmiTxZcaSEym/unlock").then().statusCode(200).body("outcome", equalTo("UNLOCKED"));
        client().when().post("/customers/qPzR4mWd8sKe/unlock").then().statusCode(409);
        anonymous().body("{\"phone\": \"9991234444\"}").when().post("/customers/search").then().statusCode(401);

        gateway.resetAll();
        gateway.stubFor(lookupCall().willReturn(json(failedAnswer("retrieveCustomerLookUpInfo"))));
        client().body("{\"email\": \"pauls_wallet@yahoo.com\"}").when().post("/customers/search").then().statusCode(502);
        gateway.stubFor(lookupCall().willReturn(aResponse().withStatus(401).withBody("pauls_wallet@yahoo.com")));
        client().body("{\"email\": \"pauls_wallet@yahoo.com\"}").when().post("/customers/search").then().statusCode(502);
        RestAssured.when().get("/q/health/ready").then().statusCode(200);

        List<String> logged = TestLog.lines().subList(before, TestLog.lines().size());
        List<String> leaks = logged.stream().filter(line -> SECRETS.stream().anyMatch(line::contains) || ZIP.matcher(line).find()).toList();
        assertEquals(List.of(), leaks);
        assertEquals(true, logged.stream().anyMatch(line -> line.contains("\"loggerName\":\"audit\"")),
                "the run was logged at all");
    }
}
