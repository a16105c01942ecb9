package org.calibra.certification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.calibra.certification.CredentialService;
import org.calibra.shared.web.ErrorDetails;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A download that cannot be given says why, in words the app's error page shows; never a blank page or a stack trace. */
class HolderFilesControllerTest {

    private static final String ID = "AAAAAAAAAAAAAAAAAAAAAA";
    private final CredentialService credentials = mock(CredentialService.class);
    private final HolderFilesController controller = new HolderFilesController(credentials);
    private final MockHttpServletRequest request = new MockHttpServletRequest();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void a_pdf_that_is_not_yours_says_where_to_find_your_own() throws Exception {
        when(credentials.pdfFile(ID)).thenReturn(Optional.empty());
        assertThat(controller.pdf(ID, request, response)).isNull();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(ErrorDetails.of(request)).isEqualTo(HolderFilesController.NOT_YOURS).contains("My certificates");
    }

    @Test
    void a_pdf_that_cannot_be_made_says_so_and_that_the_certificate_still_verifies() throws Exception {
        when(credentials.pdfFile(ID)).thenThrow(new IllegalStateException("font missing at offset 12"));
        assertThat(controller.pdf(ID, request, response)).isNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(ErrorDetails.of(request)).startsWith("The certificate's PDF could not be made just now").contains("still verifies online")
                .doesNotContain("offset").doesNotContain("IllegalStateException");
    }

    @Test
    void a_credential_file_that_is_not_yours_says_why_and_a_pdf_that_is_comes_as_a_file() throws Exception {
        when(credentials.credentialFile(ID)).thenReturn(Optional.empty());
        controller.credential(ID, request, response);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(ErrorDetails.of(request)).isEqualTo(HolderFilesController.NOT_YOURS);

        when(credentials.pdfFile(ID)).thenReturn(Optional.of("%PDF-1.7".getBytes()));
        var ok = controller.pdf(ID, new MockHttpServletRequest(), new MockHttpServletResponse());
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(ok.getHeaders().getContentDisposition().getFilename()).isEqualTo("calibra-certificate-" + ID + ".pdf");
    }
}
