package dev.trellis.reconcile.conversion;

import dev.trellis.api.v1alpha1.BrandingSpec;
import dev.trellis.api.v1alpha1.Organization;
import dev.trellis.model.Reasons;
import dev.trellis.model.branding.Branding;
import dev.trellis.model.branding.BrandingCheck;
import dev.trellis.model.branding.ImageKind;
import dev.trellis.model.verdict.Verdict;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** An organization's branding checked against the model's rules, and the ConfigMap content it projects to. */
public record BrandingConversion(Verdict verdict, Map<String, String> data, Map<String, String> binaryData) {
  /** The keys of the images in the user's ConfigMap and in trellis-branding. */
  static final Map<ImageKind, String> KEYS = Map.of(
      ImageKind.LOGO, "logo", ImageKind.FAVICON, "favicon", ImageKind.BACKGROUND, "backgroundImage");

  public static BrandingConversion of(Organization org, Cache<ConfigMap> images) {
    BrandingSpec spec = org.getSpec() == null ? null : org.getSpec().getBranding();
    if (spec == null) {
      return new BrandingConversion(Verdict.ok("No branding."), Map.of(), Map.of());
    }
    Map<ImageKind, byte[]> found = new EnumMap<>(ImageKind.class);
    Map<String, String> binaryData = new TreeMap<>();
    if (spec.getImagesConfigMap() != null) {
      var configMap = images.get(new ResourceID(spec.getImagesConfigMap(), org.effectiveNamespace()));
      if (configMap.isEmpty()) {
        return new BrandingConversion(Verdict.invalid(Reasons.BRANDING_IMAGES_NOT_FOUND, "ConfigMap "
            + spec.getImagesConfigMap() + " with the label iam.trellis.dev/branding=images is not in namespace "
            + org.effectiveNamespace() + "; create it or correct spec.branding.imagesConfigMap."), Map.of(), Map.of());
      }
      Map<String, String> stored = configMap.get().getBinaryData() == null ? Map.of() : configMap.get().getBinaryData();
      KEYS.forEach((kind, key) -> {
        if (stored.containsKey(key)) {
          found.put(kind, decode(stored.get(key)));
          binaryData.put(key, stored.get(key));
        }
      });
    }
    var branding = new Branding(spec.getWebsiteTitle(), spec.getDocumentationUrl(), spec.getLoginHeader(),
        spec.getLoginSubheader(), spec.getTextColor(), spec.getBackgroundColor());
    var checked = BrandingCheck.judge(branding, found);
    return new BrandingConversion(checked.verdict(), Map.of("branding.json", json(spec)), binaryData);
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return new byte[0]; // reported as an invalid image
    }
  }

  /** Canonical JSON of the text settings: keys sorted, absent values left out. */
  private static String json(BrandingSpec spec) {
    Map<String, String> fields = new TreeMap<>();
    put(fields, "backgroundColor", spec.getBackgroundColor());
    put(fields, "documentationUrl", spec.getDocumentationUrl());
    put(fields, "loginHeader", spec.getLoginHeader());
    put(fields, "loginSubheader", spec.getLoginSubheader());
    put(fields, "textColor", spec.getTextColor());
    put(fields, "websiteTitle", spec.getWebsiteTitle());
    StringBuilder out = new StringBuilder("{");
    fields.forEach((k, v) -> {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"').append(k).append("\":\"").append(escape(v)).append('"');
    });
    return out.append('}').toString();
  }

  private static void put(Map<String, String> fields, String key, String value) {
    if (value != null) {
      fields.put(key, value);
    }
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
