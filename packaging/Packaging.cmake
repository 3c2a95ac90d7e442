# Install rules for desktop integration and the CPack configuration (DEB and TGZ).
include(GNUInstallDirs)

if(MIGDESK_BUILD_UI)
  install(FILES "${CMAKE_CURRENT_LIST_DIR}/linux/org.migdesk.MigDesk.desktop"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
  install(FILES "${CMAKE_CURRENT_LIST_DIR}/linux/org.migdesk.MigDesk.metainfo.xml"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
  install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/migdesk.svg"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps"
          RENAME org.migdesk.MigDesk.svg)
endif()
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}")

set(CPACK_PACKAGE_NAME "migdesk")
set(CPACK_PACKAGE_VENDOR "MigDesk")
set(CPACK_PACKAGE_CONTACT "MigDesk maintainers <maintainers@migdesk.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# What migdesk opens at run time without linking it, which dpkg-shlibdeps cannot see: Qt's
# plugins (the platform plugins and input contexts of libqt6gui6, the SVG icon engine of
# libqt6svg6, the SQLite driver, the TLS backends of libqt6network6 and the OpenSSL they open),
# the audio of libqt6multimedia6, QtKeychain and the libsecret it opens, and the X cursor library
# Qt opens on X11. The ctest packaging.depends_cover_runtime_loads runs the app with the loader's
# trace on and fails when something it opened belongs to a package missing here.
set(MIGDESK_DEB_RUNTIME_DEPENDS
    libqt6gui6 libqt6svg6 libqt6sql6-sqlite libqt6network6 libssl3 libqt6multimedia6
    libqt6keychain1 libsecret-1-0 libxcursor1)
list(JOIN MIGDESK_DEB_RUNTIME_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
include(CPack)
