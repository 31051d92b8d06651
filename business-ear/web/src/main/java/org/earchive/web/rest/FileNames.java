package org.earchive.web.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Browsers and curl send a multipart file name as raw UTF-8 bytes, which the multipart parser reads as ISO-8859-1
 * ("èº«ä»½è¯.pdf" for "身份证.pdf"). Re-read such a name as UTF-8 when its bytes are valid UTF-8.
 */
final class FileNames {
    private FileNames() {}

    static String decode(String name) {
        if (name == null || name.chars().allMatch(c -> c < 0x80) || name.chars().anyMatch(c -> c > 0xFF)) {
            return name;
        }
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return name;
        }
    }
}
