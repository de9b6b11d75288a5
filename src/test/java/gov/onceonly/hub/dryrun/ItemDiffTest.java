package gov.onceonly.hub.dryrun;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ItemDiffTest {

    @Test
    void fieldsThatChangeAppearAndDisappear() {
        Map<String, Object> before = new LinkedHashMap<>(Map.of("name", "王芳", "area", "渝中区", "phone", "13800138000"));
        Map<String, Object> after = new LinkedHashMap<>(Map.of("name", "王芳", "area", "江北区", "clinic", "解放碑"));
        ItemDiff diff = ItemDiff.between("item", before, after, List.of());
        assertThat(diff.change()).isEqualTo(ItemDiff.Change.CHANGED);
        assertThat(diff.changed()).containsExactly(Map.entry("area", new ItemDiff.Values("渝中区", "江北区")));
        assertThat(diff.appeared()).containsExactly(Map.entry("clinic", "解放碑"));
        assertThat(diff.disappeared()).containsExactly(Map.entry("phone", "13800138000"));
        assertThat(ItemDiff.between("item", before, before, List.of()).change()).isEqualTo(ItemDiff.Change.UNCHANGED);
        assertThat(ItemDiff.between("item", null, after, List.of()).change()).isEqualTo(ItemDiff.Change.ADDED);
        assertThat(ItemDiff.between("item", before, null, List.of()).disappeared()).containsKeys("name", "area", "phone");
    }

    @Test
    void identifiersAreMasked() {
        ItemDiff diff = ItemDiff.between("item", Map.of(), Map.of("guardianIdNumber", "11010519491231002X",
                "creditCode", "91350100M000100Y43", "count", 3), List.of());
        assertThat(diff.appeared()).containsEntry("guardianIdNumber", "110105********002X")
                .containsEntry("creditCode", "913501********0Y43").containsEntry("count", 3);
    }
}
