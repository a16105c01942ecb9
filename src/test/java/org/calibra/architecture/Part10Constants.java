package org.calibra.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.IntegerEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.util.Map;

/**
 * A class whose constant pool holds what only a Part 10 reader or writer needs: the string "DICM" (the marker after
 * the preamble, PS3.10 7.1; also as a 32-bit integer in either byte order), or the 32-bit tags of items and
 * delimiters, (FFFE,E000), (FFFE,E00D), (FFFE,E0DD), without which no sequence or encapsulated pixel data can be
 * walked or written. Read from the compiled class with the JDK's class-file API; javac folds constant expressions
 * ("DI" + "CM", Tags constants) into the pool, so they are seen too. ArchUnit itself does not expose constants.
 */
final class Part10Constants extends ArchCondition<JavaClass> {

    private static final Map<Integer, String> INTEGERS = Map.of(
            0xFFFEE000, "the item tag (FFFE,E000)", 0xFFFEE00D, "the item delimitation tag (FFFE,E00D)",
            0xFFFEE0DD, "the sequence delimitation tag (FFFE,E0DD)",
            0x4D434944, "\"DICM\" as a little-endian int", 0x4449434D, "\"DICM\" as a big-endian int");

    Part10Constants() {
        super("not hold Part 10 constants (\"DICM\", item and delimitation tags)");
    }

    @Override
    public void check(JavaClass c, ConditionEvents events) {
        byte[] bytes;
        try (InputStream in = c.getSource().orElseThrow(() -> new IllegalStateException("no class file for " + c.getName()))
                .getUri().toURL().openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the class file of " + c.getName(), e);
        }
        for (PoolEntry e : ClassFile.of().parse(bytes).constantPool()) {
            String found = e instanceof StringEntry s && s.stringValue().equals("DICM") ? "the string \"DICM\""
                    : e instanceof IntegerEntry i ? INTEGERS.get(i.intValue()) : null;
            if (found != null) {
                events.add(SimpleConditionEvent.violated(c, c.getName() + " holds " + found + ": only org.calibra.dicom reads or writes Part 10 bytes"));
            }
        }
    }
}
