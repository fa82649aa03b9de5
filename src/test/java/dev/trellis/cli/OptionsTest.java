package dev.trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** kubectl's global flags, anywhere on the line, in each of kubectl's spellings. */
class OptionsTest {
  @Test
  void flagsAreTakenAnywhereInEveryForm() {
    Options o = Options.parse(new String[] {"--as", "krishna@globalpartners.com", "switch", "-norg-mrpaints",
        "mrpaints", "--context=dev", "-ojson", "--dry-run", "--kubeconfig", "/tmp/k"});
    assertThat(o.args()).containsExactly("switch", "mrpaints");
    assertThat(o.as()).isEqualTo("krishna@globalpartners.com");
    assertThat(o.namespace()).isEqualTo("org-mrpaints");
    assertThat(o.context()).isEqualTo("dev");
    assertThat(o.kubeconfig()).isEqualTo("/tmp/k");
    assertThat(o.json()).isTrue();
    assertThat(o.dryRun()).isTrue();
    assertThat(Options.parse(new String[] {"tree", "-n", "org-x", "-o", "json"}).namespace()).isEqualTo("org-x");
  }

  @Test
  void unknownFlagsAndFormatsAreOneSentence() {
    assertThatThrownBy(() -> Options.parse(new String[] {"tree", "--bogus"}))
        .hasMessage("unknown flag --bogus: see kubectl trellis --help.");
    assertThatThrownBy(() -> Options.parse(new String[] {"tree", "-o", "yaml"}))
        .hasMessage("output format yaml is not supported: use -o json, or no -o for tables.");
    assertThatThrownBy(() -> Options.parse(new String[] {"tree", "-n"})).hasMessage("flag -n needs a value.");
  }
}
