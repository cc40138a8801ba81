package com.walletcare.bff.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.walletcare.bff.testing.CallerVerificationProfile;
import com.walletcare.bff.testing.GatewayTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** care.customer-view=minimal: search and read hide the answers a caller is verified with; verification still works. */
@QuarkusTest
@TestProfile(CallerVerificationProfile.class)
class MinimalViewTest extends GatewayTest {

    private static final String ID = "vmiTxZcaSEym";

    @Test
    void searchShowsTheBirthYearAMaskedEmailThePhoneEndingAndNoStreet() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(ID, true, true)))));

        client().body("{\"phone\": \"(999) 123-4444\"}").when().post("/customers/search")
                .then().statusCode(200)
                .body("customers[0].additionalInformation.birthday", equalTo("1969"))
                .body("customers[0].email", equalTo("p****@yahoo.com"))
                .body("customers[0].username", equalTo("p****@yahoo.com"))
                .body("customers[0].phone", equalTo("4444"))
                .body("customers[0].address.line1", nullValue())
                .body("customers[0].address.line2", nullValue())
                .body("customers[0].address.city", equalTo("Laguna Beach"))
                .body("customers[0].firstName", equalTo("Paul"));
    }

    @Test
    void readIsMaskedTooAndTheFullRecordStillVerifies() {
        gateway.stubFor(lookupCall().willReturn(json(lookupAnswer(record(ID, true, true)))));

        client().when().get("/customers/" + ID)
                .then().statusCode(200)
                .body("additionalInformation.birthday", equalTo("1969"))
                .body("email", equalTo("p****@yahoo.com"))
                .body("phone", equalTo("4444"))
                .body("address.line1", nullValue());
        client().body("{\"birthday\": \"07/10/1969\", \"email\": \"pauls_wallet@yahoo.com\"}")
                .when().post("/customers/" + ID + "/verification")
                .then().statusCode(200).body("verified", equalTo(true));
    }
}
