package com.walkrx.flag;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.DemoMode;
import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.WalkRxTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seeded demo clinic carries the flags its stories call for, evaluated by the real rules. */
@WalkRxTest
class DemoFlagsTest extends SpringTest {

    private List<String> openFlags(String clinician) {
        Api.Reply reply = Api.as(port, clinician, DemoMode.DEMO_PASSWORD).get("/api/v1/flags?status=OPEN&size=200");
        assertThat(reply.status()).isEqualTo(200);
        List<String> flags = new ArrayList<>();
        reply.json().get("items").forEach(f -> flags.add(f.get("patientName").asString() + " " + f.get("code").asString()));
        return flags;
    }

    @Test
    void the_demo_clinicians_find_the_flags_of_their_patients_stories() {
        assertThat(openFlags("demo-clinician-1")).contains("Mei Chen CAUDA_EQUINA_SIGNS")
                .noneMatch(f -> f.startsWith("Sofia Rossi"));
        assertThat(openFlags("demo-clinician-2")).contains("Sofia Rossi FEVER",
                "Ingrid Larsen PROGRESSIVE_NEURO_DEFICIT");
        assertThat(openFlags("demo-clinician-1")).first().matches(f -> f.endsWith("CAUDA_EQUINA_SIGNS"));
    }
}
