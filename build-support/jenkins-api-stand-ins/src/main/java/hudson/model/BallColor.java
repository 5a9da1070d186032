// Compile-only stand-in of org.jenkins-ci.main:jenkins-core (2.479.3; checked against jenkinsci/jenkins @00c7c075a606 and file 47706968090), core/src/main/java/hudson/model/BallColor.java
// (the constants RED ... NOTBUILT_ANIME and the members other than the constructor and StatusIcon's two methods are left
//  out: the type is here because Result's constructor takes it)
package hudson.model;

import java.awt.Color;
import org.jvnet.localizer.Localizable;

public enum BallColor implements StatusIcon {
    ;

    BallColor(String image, Localizable description, Color baseColor) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getImageOf(String size) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getDescription() {
        throw new UnsupportedOperationException("stand-in");
    }
}
