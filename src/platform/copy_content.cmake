# Copies the course content (quizzes/*.json, not the schema or docs) into the preload folder.
file(REMOVE_RECURSE "${DST}")
file(MAKE_DIRECTORY "${DST}")
file(GLOB files "${SRC}/*.json")
if(files)
  file(COPY ${files} DESTINATION "${DST}")
endif()
file(TOUCH "${DST}/.stamp")
